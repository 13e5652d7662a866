package io.herald.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as search compares it: lower case, without diacritics, single spaces. "Łukasz Żak"
 * and "lukasz zak" compare equal; Chinese characters are kept as they are.
 */
public final class Text {

	private Text() {
	}

	public static String searchable(String text) {
		if (text == null) {
			return "";
		}
		// Ł and ł have no decomposition in Unicode, so NFD alone would keep them.
		String mapped = text.replace('Ł', 'L').replace('ł', 'l').replace('Đ', 'D').replace('đ', 'd');
		return Normalizer.normalize(mapped, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
	}

}
