package io.herald.account;

import io.herald.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The table of personal access tokens. A request's token is found by its hash through the
 * unique index; everything else is by account.
 */
@Component
class TokenStore {

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The token a request carries, by the hash of its secret.
	 */
	record Match(long id, long accountId, Instant expiresAt, Instant lastUsedAt, long employeeId, boolean canSignIn,
			boolean mustChangePassword, Set<Role> roles) {

	}

	long insert(long accountId, String name, String hash, Instant createdAt, Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into account_personal_access_tokens (account_id, name, secret_hash, created_at, expires_at)
				values (:account, :name, :hash, :created, :expires)""")
			.param("account", accountId)
			.param("name", name)
			.param("hash", hash)
			.param("created", Timestamp.from(createdAt))
			.param("expires", Timestamp.from(expiresAt))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	int count(long accountId) {
		return this.jdbc.sql("select count(*) from account_personal_access_tokens where account_id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	List<AccessTokenView> list(long accountId, Instant now) {
		return this.jdbc.sql("""
				select id, name, created_at, expires_at, last_used_at from account_personal_access_tokens
				where account_id = :account order by created_at desc, id desc""")
			.param("account", accountId)
			.query((rs, row) -> view(rs, now))
			.list();
	}

	Optional<AccessTokenView> find(long accountId, long id, Instant now) {
		return this.jdbc.sql("""
				select id, name, created_at, expires_at, last_used_at from account_personal_access_tokens
				where account_id = :account and id = :id""")
			.param("account", accountId)
			.param("id", id)
			.query((rs, row) -> view(rs, now))
			.optional();
	}

	/**
	 * The token a request carries, by the hash of its secret, with what signing in needs
	 * of its account: one read through the unique index.
	 */
	Optional<Match> findByHash(String hash) {
		return this.jdbc.sql("""
				select t.id, t.account_id, t.expires_at, t.last_used_at, a.employee_id, a.enabled,
				       a.password_hash is not null as has_password, a.must_change_password,
				       (select string_agg(r.role, ',') from account_roles r where r.account_id = a.id) as roles
				from account_personal_access_tokens t join user_accounts a on a.id = t.account_id
				where t.secret_hash = :hash""")
			.param("hash", hash)
			.query((rs, row) -> new Match(rs.getLong("id"), rs.getLong("account_id"), instant(rs, "expires_at"),
					instant(rs, "last_used_at"), rs.getLong("employee_id"),
					rs.getBoolean("enabled") && rs.getBoolean("has_password"), rs.getBoolean("must_change_password"),
					roles(rs.getString("roles"))))
			.optional();
	}

	private static Set<Role> roles(String joined) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (joined != null) {
			for (String role : joined.split(",")) {
				roles.add(Role.valueOf(role.strip()));
			}
		}
		return roles;
	}

	/**
	 * Notes a use, at most once a minute per token, so a busy client costs no write per
	 * request.
	 */
	void touch(long id, Instant now) {
		this.jdbc.sql("""
				update account_personal_access_tokens set last_used_at = :now
				where id = :id and (last_used_at is null or last_used_at < :minuteAgo)""")
			.param("now", Timestamp.from(now))
			.param("minuteAgo", Timestamp.from(now.minusSeconds(60)))
			.param("id", id)
			.update();
	}

	boolean delete(long accountId, long id) {
		return this.jdbc.sql("delete from account_personal_access_tokens where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", id)
			.update() > 0;
	}

	private static AccessTokenView view(ResultSet rs, Instant now) throws SQLException {
		Instant expiresAt = instant(rs, "expires_at");
		return new AccessTokenView(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"), expiresAt,
				instant(rs, "last_used_at"), !now.isBefore(expiresAt));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
