package io.herald.account;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Decides, on every request of a signed-in person, whether their session may go on. The
 * answer comes from the database, not from the session, so disabling an account or ending
 * its sessions takes effect at once on every app instance. One primary-key read, no
 * transaction: this runs before almost every page.
 */
@Component
@NamedInterface("api")
public class SessionGuard {

	private final JdbcClient jdbc;

	SessionGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Verdict check(HeraldUser user) {
		return this.jdbc.sql("""
				select enabled, sessions_revoked_at, must_change_password
				from user_accounts where id = :id""").param("id", user.accountId()).query((rs, row) -> {
			Timestamp revoked = rs.getTimestamp("sessions_revoked_at");
			if (!rs.getBoolean("enabled") || (revoked != null && user.authenticatedAt() != null
					&& revoked.toInstant().isAfter(user.authenticatedAt()))) {
				return Verdict.ENDED;
			}
			return rs.getBoolean("must_change_password") ? Verdict.MUST_CHANGE_PASSWORD : Verdict.CONTINUE;
		}).optional().orElse(Verdict.ENDED);
	}

	public enum Verdict {

		CONTINUE, MUST_CHANGE_PASSWORD, ENDED

	}

}
