package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;

import io.herald.shared.Callers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the signed-in person wants to hear about non-critical notifications. CRITICAL ones
 * reach everyone in the app and by e-mail at once, whatever they chose.
 */
@Service
@NamedInterface("api")
public class NotificationPreferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The caller's mode; e-mail straight away until they choose.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public NotificationMode mine() {
		return this.jdbc.sql("""
				select mode from notification_preferences where employee_id = :employee
				""")
			.param("employee", Callers.require().employeeId())
			.query(String.class)
			.optional()
			.map(NotificationMode::valueOf)
			.orElse(NotificationMode.EMAIL_IMMEDIATE);
	}

	/**
	 * Sets the caller's mode. Switching to the daily digest starts it from now: what came
	 * before was handled the old way.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeMine(NotificationMode mode) {
		long employeeId = Callers.require().employeeId();
		Timestamp now = Timestamp.from(this.clock.instant());
		if (update(employeeId, mode, now) == 0 && this.jdbc.sql("""
				insert into notification_preferences (employee_id, mode, digest_covered_to)
				values (:employee, :mode, :now)
				on conflict do nothing
				""").param("employee", employeeId).param("mode", mode.name()).param("now", now).update() == 0) {
			// Someone else's request inserted the row first: ours is the later choice.
			update(employeeId, mode, now);
		}
	}

	private int update(long employeeId, NotificationMode mode, Timestamp now) {
		return this.jdbc.sql("""
				update notification_preferences
				set digest_covered_to = case when mode <> 'EMAIL_DIGEST' and :mode = 'EMAIL_DIGEST' then :now
				                             else digest_covered_to end,
				    mode = :mode
				where employee_id = :employee
				""").param("mode", mode.name()).param("now", now).param("employee", employeeId).update();
	}

}
