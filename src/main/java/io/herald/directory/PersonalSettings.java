package io.herald.directory;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * How a person wants times and text shown to them.
 */
@NamedInterface("api")
public record PersonalSettings(ZoneId timeZone, Locale locale) {

}
