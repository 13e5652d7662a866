package io.herald.directory;

import java.time.ZoneId;

import org.springframework.modulith.NamedInterface;

/**
 * How to reach a person and address them: e-mail, name, language ({@code en}, {@code pl},
 * {@code zh-TW}) and time zone, and whether they are still active.
 */
@NamedInterface("api")
public record Contact(long id, String email, String displayName, String language, ZoneId timeZone, boolean active) {

}
