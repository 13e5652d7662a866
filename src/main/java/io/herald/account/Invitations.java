package io.herald.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-password invitations, kept in plain SQL: they are issued by the thousand when an
 * import adds people, and accepted one at a time by a single conditional UPDATE, so a
 * link works exactly once even when two tabs submit it together.
 */
@Component
class Invitations {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	private final Clock clock;

	private final Duration validity;

	Invitations(NamedParameterJdbcTemplate jdbc, Clock clock, InvitationProperties properties) {
		this.jdbc = JdbcClient.create(jdbc);
		this.batches = jdbc;
		this.clock = clock;
		this.validity = properties.validity();
	}

	/**
	 * Gives every account of these people that has no password yet, and no invitation
	 * still open, a fresh invitation.
	 * @return how many were issued
	 */
	int issueFor(Collection<Long> employeeIds) {
		if (employeeIds.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		Timestamp created = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(this.validity));
		List<Long> accountIds = this.jdbc.sql("""
				select a.id from user_accounts a
				where a.employee_id = any(:ids) and a.password_hash is null and a.enabled
				  and not exists (select 1 from account_invitations i
				                  where i.account_id = a.id and i.used_at is null and i.expires_at > :now)""")
			.param("ids", employeeIds.toArray(Long[]::new))
			.param("now", created)
			.query(Long.class)
			.list();
		SqlParameterSource[] rows = accountIds.stream()
			.map((accountId) -> new MapSqlParameterSource("accountId", accountId).addValue("token", newToken())
				.addValue("expires", expires)
				.addValue("created", created))
			.toArray(SqlParameterSource[]::new);
		this.batches.batchUpdate("""
				insert into account_invitations (account_id, token, expires_at, created_at)
				values (:accountId, :token, :expires, :created)""", rows);
		return rows.length;
	}

	Optional<Invitation> find(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select i.account_id, a.employee_id, a.enabled, i.expires_at, i.used_at, e.email
				from account_invitations i join user_accounts a on a.id = i.account_id
				  join employees e on e.id = a.employee_id
				where i.token = :token""").param("token", token).query((rs, row) -> {
			Timestamp usedAt = rs.getTimestamp("used_at");
			return new Invitation(rs.getLong("account_id"), rs.getLong("employee_id"), rs.getBoolean("enabled"),
					rs.getTimestamp("expires_at").toInstant(), (usedAt != null) ? usedAt.toInstant() : null,
					rs.getString("email"));
		}).optional();
	}

	/**
	 * Uses the invitation up, if it still can be.
	 * @return false when it was used, or expired, in the meantime
	 */
	boolean use(String token) {
		return this.jdbc.sql("""
				update account_invitations set used_at = :now
				where token = :token and used_at is null and expires_at > :now""")
			.param("token", token)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * The newest open invitation of each of these accounts.
	 */
	Map<Long, InvitationLink> openFor(Collection<Long> accountIds) {
		Map<Long, InvitationLink> open = new HashMap<>();
		if (accountIds.isEmpty()) {
			return open;
		}
		// In creation order, so that the newest of an account's invitations wins.
		this.jdbc.sql("""
				select i.account_id, i.token, i.expires_at from account_invitations i
				where i.account_id = any(:ids) and i.used_at is null and i.expires_at > :now
				order by i.created_at""")
			.param("ids", accountIds.toArray(Long[]::new))
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs) -> {
				open.put(rs.getLong("account_id"),
						new InvitationLink(rs.getString("token"), rs.getTimestamp("expires_at").toInstant()));
			});
		return open;
	}

	// 32 random bytes: unguessable, and URL-safe without escaping.
	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	// The e-mail is read with the invitation because the page is public, and the
	// directory answers look-ups by id to signed-in people only.
	record Invitation(long accountId, long employeeId, boolean accountEnabled, Instant expiresAt, Instant usedAt,
			String email) {

		InvitationStatus status(Instant now) {
			if (this.usedAt != null) {
				return InvitationStatus.USED;
			}
			if (!this.accountEnabled) {
				return InvitationStatus.WITHDRAWN;
			}
			return now.isBefore(this.expiresAt) ? InvitationStatus.VALID : InvitationStatus.EXPIRED;
		}

	}

}
