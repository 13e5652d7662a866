package io.herald.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.herald.audit.AuditLog;
import io.herald.shared.ForAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.SignedInPerson;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own personal access tokens for the API: creating one (its secret is returned
 * once and never stored), listing them, revoking one.
 */
@Service
public class PersonalAccessTokens {

	public static final int DEFAULT_DAYS = 90;

	public static final int MAX_DAYS = 365;

	public static final int MAX_NAME_LENGTH = 100;

	/**
	 * Enough for every script and integration a person runs; a bound so nobody fills the
	 * table.
	 */
	static final int MAX_PER_ACCOUNT = 25;

	private final TokenStore tokens;

	private final TokenKey key;

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	PersonalAccessTokens(TokenStore tokens, TokenKey key, UserAccountRepository accounts, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.key = key;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A new token for the signed-in person, valid for {@code expiresInDays} days
	 * ({@value #DEFAULT_DAYS} when not given).
	 * @throws InvalidChange with a problem per field when the name or the validity is
	 * wrong, or the person already has as many tokens as allowed
	 */
	@PreAuthorize("principal instanceof T(io.herald.shared.SignedInPerson) and #owner.accountId == principal.accountId")
	@Transactional
	public CreatedAccessToken create(SignedInPerson owner, String name, Integer expiresInDays) {
		List<Problem> problems = new ArrayList<>();
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			problems.add(new Problem("name", "tokens.name.required"));
		}
		else if (trimmed.length() > MAX_NAME_LENGTH) {
			problems.add(new Problem("name", "tokens.name.tooLong", MAX_NAME_LENGTH));
		}
		int days = (expiresInDays != null) ? expiresInDays : DEFAULT_DAYS;
		if (days < 1 || days > MAX_DAYS) {
			problems.add(new Problem("expiresInDays", "tokens.expiresInDays.range", MAX_DAYS));
		}
		InvalidChange.refuseIfAny(problems);
		// One at a time per person, so two tabs cannot both pass the limit.
		this.accounts.lockByEmployeeId(owner.employeeId()).orElseThrow();
		if (this.tokens.count(owner.accountId()) >= MAX_PER_ACCOUNT) {
			throw new InvalidChange(null, "tokens.limit");
		}
		String token = PersonalAccessToken.issue();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(Duration.ofDays(days));
		long id = this.tokens.insert(owner.accountId(), trimmed, PersonalAccessToken.hash(token, this.key.get()), now,
				expiresAt);
		this.audit.record("account.token.created", "account", owner.accountId(),
				"personal access token " + id + " \"" + trimmed + "\" valid until " + expiresAt);
		return new CreatedAccessToken(id, trimmed, token, expiresAt);
	}

	@PreAuthorize("principal instanceof T(io.herald.shared.SignedInPerson) and #owner.accountId == principal.accountId")
	@Transactional(readOnly = true)
	public List<AccessTokenView> mine(SignedInPerson owner) {
		return this.tokens.list(owner.accountId(), this.clock.instant());
	}

	/**
	 * Revokes one of the signed-in person's tokens; its next request is refused.
	 * @return false when they have no such token (someone else's is no such token)
	 */
	@PreAuthorize("principal instanceof T(io.herald.shared.SignedInPerson) and #owner.accountId == principal.accountId")
	@Transactional
	public boolean revokeMine(SignedInPerson owner, long id) {
		return revoke(owner.accountId(), id, "by its owner");
	}

	/**
	 * The tokens of a person's account, for administrators; empty when they have none or
	 * no account.
	 */
	@ForAdmins
	@Transactional(readOnly = true)
	public List<AccessTokenView> of(long employeeId) {
		return this.accounts.findByEmployeeId(employeeId)
			.map((account) -> this.tokens.list(account.getId(), this.clock.instant()))
			.orElse(List.of());
	}

	/**
	 * Revokes a person's token as an administrator.
	 * @return false when that person has no such token
	 */
	@ForAdmins
	@Transactional
	public boolean revokeFor(long employeeId, long id) {
		return this.accounts.findByEmployeeId(employeeId)
			.map((account) -> revoke(account.getId(), id, "by an administrator"))
			.orElse(false);
	}

	private boolean revoke(long accountId, long id, String how) {
		return this.tokens.find(accountId, id, this.clock.instant()).filter((token) -> {
			if (!this.tokens.delete(accountId, id)) {
				return false;
			}
			this.audit.record("account.token.revoked", "account", accountId,
					"personal access token " + id + " \"" + token.name() + "\" revoked " + how);
			return true;
		}).isPresent();
	}

}
