package io.herald.tracking;

/**
 * Which recipients of a post to list: a status filter and optionally one department
 * ({@code 0} for recipients without one, {@code null} for every department).
 */
public record RecipientQuery(RecipientFilter status, Long departmentId) {

	public static final RecipientQuery EVERYONE = new RecipientQuery(RecipientFilter.ALL, null);

	public RecipientQuery {
		status = (status != null) ? status : RecipientFilter.ALL;
	}

}
