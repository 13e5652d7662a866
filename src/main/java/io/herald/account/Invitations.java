package io.herald.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Set-password invitations, kept in plain SQL: they are issued by the thousand when an
 * import adds people, and accepted one at a time by a single conditional UPDATE, so a
 * link works exactly once even when two tabs submit it together.
 */
@Component
class Invitations {

	// PostgreSQL takes at most 32,767 bind parameters per statement.
	static final int CHUNK = 1000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Duration validity;

	Invitations(NamedParameterJdbcTemplate jdbc, Clock clock,
			@Value("${herald.invitations.validity:7d}") Duration validity) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.validity = validity;
	}

	/**
	 * Gives every account of these people that has no password yet, and no invitation
	 * still open, a fresh invitation.
	 * @return how many were issued
	 */
	int issueFor(Collection<Long> employeeIds) {
		Instant now = this.clock.instant();
		Timestamp created = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(this.validity));
		int issued = 0;
		for (List<Long> chunk : chunks(employeeIds)) {
			List<Long> accountIds = this.jdbc.queryForList("""
					select a.id from user_accounts a
					where a.employee_id in (:ids) and a.password_hash is null and a.enabled
					  and not exists (select 1 from account_invitations i
					                  where i.account_id = a.id and i.used_at is null and i.expires_at > :now)""",
					new MapSqlParameterSource("ids", chunk).addValue("now", created), Long.class);
			SqlParameterSource[] rows = accountIds.stream()
				.map((accountId) -> new MapSqlParameterSource("accountId", accountId).addValue("token", newToken())
					.addValue("expires", expires)
					.addValue("created", created))
				.toArray(SqlParameterSource[]::new);
			this.jdbc.batchUpdate("insert into account_invitations (account_id, token, expires_at, created_at) "
					+ "values (:accountId, :token, :expires, :created)", rows);
			issued += rows.length;
		}
		return issued;
	}

	Optional<Invitation> find(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc
			.query("""
					select i.account_id, a.employee_id, a.enabled, i.expires_at, i.used_at, e.email
					from account_invitations i join user_accounts a on a.id = i.account_id
					  join employees e on e.id = a.employee_id
					where i.token = :token""", new MapSqlParameterSource("token", token),
					(rs, row) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
							rs.getTimestamp(4).toInstant(),
							(rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null, rs.getString(6)))
			.stream()
			.findFirst();
	}

	/**
	 * Uses the invitation up, if it still can be.
	 * @return false when it was used, or expired, in the meantime
	 */
	boolean use(String token) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.update(
				"update account_invitations set used_at = :now where token = :token and used_at is null and expires_at > :now",
				new MapSqlParameterSource("token", token).addValue("now", now)) == 1;
	}

	/**
	 * The newest open invitation of each of these accounts.
	 */
	Map<Long, InvitationLink> openFor(Collection<Long> accountIds) {
		Map<Long, InvitationLink> open = new HashMap<>();
		Timestamp now = Timestamp.from(this.clock.instant());
		for (List<Long> chunk : chunks(accountIds)) {
			this.jdbc.query("""
					select i.account_id, i.token, i.expires_at from account_invitations i
					where i.account_id in (:ids) and i.used_at is null and i.expires_at > :now
					order by i.created_at""", new MapSqlParameterSource("ids", chunk).addValue("now", now), (rs) -> {
				open.put(rs.getLong(1), new InvitationLink(rs.getString(2), rs.getTimestamp(3).toInstant()));
			});
		}
		return open;
	}

	// 32 random bytes: unguessable, and URL-safe without escaping.
	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static <T> List<List<T>> chunks(Collection<T> items) {
		List<T> all = new ArrayList<>(items);
		List<List<T>> chunks = new ArrayList<>();
		for (int start = 0; start < all.size(); start += CHUNK) {
			chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
		}
		return chunks;
	}

	// The e-mail is read with the invitation because the page is public, and the
	// directory
	// answers look-ups by id to signed-in people only.
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
