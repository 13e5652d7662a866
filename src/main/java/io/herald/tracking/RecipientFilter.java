package io.herald.tracking;

import java.util.Locale;

/**
 * Which recipients a list shows.
 */
public enum RecipientFilter {

	ALL, NOT_READ, NOT_ACKNOWLEDGED, OVERDUE, ACKNOWLEDGED;

	/**
	 * The filter a request names, in any letter case and with {@code -} for {@code _};
	 * {@link #ALL} for anything else.
	 */
	public static RecipientFilter parse(String text) {
		if (text == null || text.isBlank()) {
			return ALL;
		}
		String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (RecipientFilter filter : values()) {
			if (filter.name().equals(name)) {
				return filter;
			}
		}
		return ALL;
	}

}
