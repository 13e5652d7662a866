package io.herald.directory;

import java.time.ZoneId;

import org.springframework.modulith.NamedInterface;

/**
 * What a person may change about themselves: how they are called, reached and shown
 * times.
 */
@NamedInterface("api")
public record OwnDetails(String preferredName, String phone, String mobile, ZoneId timeZone, String language) {

}
