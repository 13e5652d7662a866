package io.herald.directory;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How a person wants times and text shown to them.
 */
public record PersonalSettings(ZoneId timeZone, Locale locale) {

}
