package io.herald.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.herald.shared.Callers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the signed-in person wants to hear about non-critical notifications. CRITICAL ones
 * reach everyone in the app and by e-mail at once, whatever they chose.
 */
@Service
public class NotificationPreferences {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	NotificationPreferences(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The caller's mode; e-mail straight away until they choose.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public NotificationMode mine() {
		List<String> modes = this.jdbc.queryForList("select mode from notification_preferences where employee_id = ?",
				String.class, Callers.require().employeeId());
		return modes.isEmpty() ? NotificationMode.EMAIL_IMMEDIATE : NotificationMode.valueOf(modes.get(0));
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
		String update = "update notification_preferences set digest_covered_to = case when mode <> 'EMAIL_DIGEST' "
				+ "and ? = 'EMAIL_DIGEST' then ? else digest_covered_to end, mode = ? where employee_id = ?";
		if (this.jdbc.update(update, mode.name(), now, mode.name(), employeeId) == 0
				&& this.jdbc.update("insert into notification_preferences (employee_id, mode, digest_covered_to) "
						+ "values (?, ?, ?) on conflict do nothing", employeeId, mode.name(), now) == 0) {
			// Someone else's request inserted the row first: ours is the later choice.
			this.jdbc.update(update, mode.name(), now, mode.name(), employeeId);
		}
	}

}
