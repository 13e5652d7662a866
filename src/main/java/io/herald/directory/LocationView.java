package io.herald.directory;

import java.time.ZoneId;

import org.springframework.modulith.NamedInterface;

/**
 * A location with its time zone and how many active people work there.
 */
@NamedInterface("api")
public record LocationView(long id, String name, ZoneId timeZone, long people) {

}
