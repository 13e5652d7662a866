package io.herald.tracking;

import java.time.Instant;

/**
 * A reminder went to this many people; the next may go at {@code availableAt}.
 */
public record Reminded(int recipients, Instant availableAt) {

}
