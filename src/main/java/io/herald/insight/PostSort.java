package io.herald.insight;

import java.util.Locale;

/**
 * How the announcements list is ordered.
 */
public enum PostSort {

	PUBLISHED, TITLE, CHANNEL, REACH, READ, ACK, OVERDUE;

	/**
	 * The order a request names, the newest first when it names none or nonsense.
	 */
	public static PostSort parse(String text) {
		if (text != null) {
			for (PostSort sort : values()) {
				if (sort.name().equalsIgnoreCase(text.strip())) {
					return sort;
				}
			}
		}
		return PUBLISHED;
	}

	public String urlName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
