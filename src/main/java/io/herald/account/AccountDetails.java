package io.herald.account;

import java.time.Instant;

import io.herald.directory.EmployeeSummary;

/**
 * One person's account as administrators manage it.
 *
 * @param account null when the person has no account
 * @param awaitingPassword the account exists but its invitation has not been accepted
 * @param invitation the open set-password link, or null
 */
public record AccountDetails(EmployeeSummary person, AccountSummary account, boolean awaitingPassword,
		boolean mustChangePassword, Instant sessionsRevokedAt, InvitationLink invitation) {

}
