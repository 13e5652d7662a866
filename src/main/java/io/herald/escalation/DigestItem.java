package io.herald.escalation;

/**
 * An escalation waiting for the sweep's digests: that a person has not acknowledged a
 * post, for {@code targetId} (their manager) or, when null, for whoever the action's
 * targets are when the digest goes out.
 */
record DigestItem(long queueId, StepAction action, Long targetId, long announcementId, long employeeId,
		StepMedium medium, boolean critical) {

	/**
	 * The post and the action, which decide the targets of an item without a target.
	 */
	record Group(long announcementId, StepAction action) {

	}

	Group group() {
		return new Group(this.announcementId, this.action);
	}

}
