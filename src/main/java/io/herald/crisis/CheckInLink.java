package io.herald.crisis;

/**
 * A one-click check-in link as its page shows it. Only a {@link State#USABLE} or
 * {@link State#ANSWERED} link names its person; a link that is not Herald's says nothing
 * at all.
 *
 * @param status the person's answer now ({@code NO_RESPONSE} until they give one)
 */
public record CheckInLink(State state, Long incidentId, String incidentTitle, boolean drill, String personName,
		CheckInStatus status) {

	static CheckInLink invalid() {
		return new CheckInLink(State.INVALID, null, null, false, null, null);
	}

	/**
	 * This link as the page shows it right after its person answered with it.
	 */
	public CheckInLink answered() {
		return new CheckInLink(State.ANSWERED, this.incidentId, this.incidentTitle, this.drill, this.personName,
				this.status);
	}

	public boolean usable() {
		return this.state == State.USABLE;
	}

	/**
	 * Where a link stands.
	 */
	public enum State {

		/** Signed by Herald, unused, unexpired, and the incident is open. */
		USABLE,

		/** Just used to check in. */
		ANSWERED,

		/** Used before: a link works once. */
		USED,

		/**
		 * "I'm safe" refused over the person's "I need help": only they, signed in, can
		 * take that back.
		 */
		HELP_ASKED,

		/** Past its validity. */
		EXPIRED,

		/** The incident is resolved: check-ins are closed. */
		CLOSED,

		/** Not a link Herald made, or altered. */
		INVALID

	}

}
