package io.herald.crisis;

import java.util.List;
import java.util.Map;

/**
 * Who a drill could reach, and how: for each medium how many of the recipients it reached
 * (or could, for the mobile phone that calls and text messages need), how the answers
 * came in, and everyone some medium could not reach, with why.
 *
 * @param emailWaiting e-mails not sent yet (pending, or held for want of an SMTP server)
 * @param emailNotSent e-mails never sent: cancelled because the person answered first, or
 * never queued because they joined the audience later
 * @param unlisted people with a gap beyond the page's list (the CSV has them all)
 */
public record DrillReport(IncidentView incident, List<Medium> media, long inApp, long email, long emailFailed,
		long emailWaiting, long emailNotSent, long mobile, Map<AnsweredVia, Long> answeredVia, long gapCount,
		List<Gap> gaps, long unlisted) {

	/**
	 * Someone at least one medium could not reach.
	 */
	public record Gap(long employeeId, String name, String location, String email, String mobile,
			List<GapReason> reasons, String emailError, CheckInStatus status) {

	}

	/**
	 * Why a medium could not reach a person.
	 */
	public enum GapReason {

		/** No longer active in the directory. */
		LEFT,

		/** No account they can sign in with, so nothing in the app reaches them. */
		NO_ACCOUNT,

		/** No e-mail address in the directory. */
		NO_EMAIL,

		/** The e-mail failed: bounced, refused or undeliverable. */
		EMAIL_FAILED,

		/** No mobile number for calls and text messages. */
		NO_MOBILE

	}

}
