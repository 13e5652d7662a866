package io.herald.crisis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An incident's live roster as its page and the API show it. Lists of people are capped
 * ({@code noResponseMore} says how many are left out).
 */
public record IncidentView(long id, long planId, String title, boolean drill, IncidentStatus status, String openedBy,
		Instant openedAt, String resolvedBy, Instant resolvedAt, Long announcementId, List<String> locations,
		List<String> departments, int recipients, long safe, long needHelp, long noResponse,
		List<LocationCount> byLocation, List<RosterPerson> needingHelp, List<RosterPerson> notResponded,
		long noResponseMore, List<RosterPerson> recentlySafe, AfterAction afterAction) {

	public boolean open() {
		return this.status == IncidentStatus.OPEN;
	}

	/**
	 * Counts for one location ({@code location} is {@code null} for people without one).
	 */
	public record LocationCount(String location, long recipients, long safe, long needHelp, long noResponse) {

	}

	/**
	 * A person on the roster, with how to reach them and who their manager is.
	 */
	public record RosterPerson(long id, String name, String location, String phone, String mobile, String manager,
			String note, Instant answeredAt) {

		/**
		 * The mobile number as a {@code tel:} link, or {@code null} without one.
		 */
		public String mobileLink() {
			return tel(this.mobile);
		}

		/**
		 * The phone number as a {@code tel:} link, or {@code null} without one.
		 */
		public String phoneLink() {
			return tel(this.phone);
		}

		/**
		 * A number as phones dial it: a leading plus and the digits, nothing else, so
		 * that "+48 22 123 45 67" or "(022) 123-4567" still dial.
		 */
		static String tel(String number) {
			if (number == null) {
				return null;
			}
			String digits = number.replaceAll("[^0-9]", "");
			if (digits.isEmpty()) {
				return null;
			}
			return "tel:" + (number.strip().startsWith("+") ? "+" : "") + digits;
		}

	}

	/**
	 * After resolving: how long it took until half, nine in ten and everyone had checked
	 * in ({@code null} for a mark never reached).
	 */
	public record AfterAction(Duration toHalf, Duration toNinetyPercent, Duration toEveryone, long needHelp) {

	}

}
