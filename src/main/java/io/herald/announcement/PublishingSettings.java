package io.herald.announcement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scheduled posts are published ({@code herald.publishing.*}; the poll interval is
 * read by the scheduler itself).
 *
 * @param lateAfter how long after its scheduled time a post counts as published late
 */
@ConfigurationProperties("herald.publishing")
record PublishingSettings(@DefaultValue("2m") Duration lateAfter) {

}
