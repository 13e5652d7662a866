package io.herald.insight;

/**
 * A channel, department or location a dashboard can be filtered by.
 */
public record InsightOption(long id, String name) {

}
