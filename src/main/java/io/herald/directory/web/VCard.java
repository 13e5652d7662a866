package io.herald.directory.web;

import java.util.List;

import io.herald.directory.EmployeeProfile;

/**
 * A person as a vCard 4.0 (RFC 6350), to save a colleague in an address book.
 */
final class VCard {

	private VCard() {
	}

	static String of(EmployeeProfile profile) {
		StringBuilder card = new StringBuilder();
		line(card, "BEGIN:VCARD");
		line(card, "VERSION:4.0");
		line(card, "FN:" + escape(profile.displayName()));
		line(card, "N:" + escape(profile.lastName()) + ";" + escape(profile.firstName()) + ";;;");
		if (profile.preferredName() != null) {
			line(card, "NICKNAME:" + escape(profile.preferredName()));
		}
		line(card, "EMAIL;TYPE=work:" + escape(profile.email()));
		if (profile.phone() != null) {
			line(card, "TEL;TYPE=work,voice;VALUE=uri:tel:" + telUri(profile.phone()));
		}
		if (profile.mobile() != null) {
			line(card, "TEL;TYPE=cell;VALUE=uri:tel:" + telUri(profile.mobile()));
		}
		if (profile.person().jobTitle() != null) {
			line(card, "TITLE:" + escape(profile.person().jobTitle()));
		}
		if (profile.person().department() != null) {
			line(card, "ORG:;" + escape(profile.person().department()));
		}
		List<String> skills = profile.skills();
		if (!skills.isEmpty()) {
			line(card, "NOTE:" + escape(String.join(", ", skills)));
		}
		line(card, "TZ:" + escape(profile.timeZone().getId()));
		line(card, "END:VCARD");
		return card.toString();
	}

	private static void line(StringBuilder card, String line) {
		card.append(line).append("\r\n");
	}

	static String escape(String value) {
		return value.replace("\\", "\\\\")
			.replace(",", "\\,")
			.replace(";", "\\;")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	private static String telUri(String number) {
		return number.replaceAll("[^0-9+]", "");
	}

}
