package io.herald.directory;

import java.time.ZoneId;

/**
 * What a person may change about themselves: how they are called, reached and shown
 * times.
 */
public record OwnDetails(String preferredName, String phone, String mobile, ZoneId timeZone, String language) {

}
