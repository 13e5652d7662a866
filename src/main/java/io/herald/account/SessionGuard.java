package io.herald.account;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides, on every request of a signed-in person, whether their session may go on. The
 * answer comes from the database, not from the session, so disabling an account or ending
 * its sessions takes effect at once on every app instance. One primary-key read, no
 * transaction: this runs before almost every page.
 */
@Component
public class SessionGuard {

	private final JdbcTemplate jdbc;

	SessionGuard(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Verdict check(HeraldUser user) {
		List<Verdict> verdicts = this.jdbc.query(
				"select enabled, sessions_revoked_at, must_change_password from user_accounts where id = ?",
				(rs, row) -> {
					Timestamp revoked = rs.getTimestamp(2);
					if (!rs.getBoolean(1) || (revoked != null && user.authenticatedAt() != null
							&& revoked.toInstant().isAfter(user.authenticatedAt()))) {
						return Verdict.ENDED;
					}
					return rs.getBoolean(3) ? Verdict.MUST_CHANGE_PASSWORD : Verdict.CONTINUE;
				}, user.accountId());
		return verdicts.isEmpty() ? Verdict.ENDED : verdicts.get(0);
	}

	public enum Verdict {

		CONTINUE, MUST_CHANGE_PASSWORD, ENDED

	}

}
