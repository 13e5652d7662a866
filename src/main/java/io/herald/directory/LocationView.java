package io.herald.directory;

import java.time.ZoneId;

/**
 * A location with its time zone and how many active people work there.
 */
public record LocationView(long id, String name, ZoneId timeZone, long people) {

}
