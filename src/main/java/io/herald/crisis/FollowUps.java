package io.herald.crisis;

import java.util.List;

import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An incident's updates and its all-clear reach everyone its alert reached, the way the
 * alert did: in the app and by e-mail at once, whatever their preferences and quiet
 * hours. Someone who left with nothing but their phone's mail hears the all-clear too.
 */
@Component
class FollowUps {

	private final JdbcClient sql;

	private final Notifications notifications;

	FollowUps(JdbcClient sql, Notifications notifications) {
		this.sql = sql;
		this.notifications = notifications;
	}

	/**
	 * Tells the alert's recipients, and anyone the post reached besides (joined the scope
	 * since), about a follow-up post, in the caller's transaction. Its text travels in
	 * the message itself. Whoever the post did not reach (moved away since the alert) is
	 * sent to the alert, which they can open, rather than to a page they may not read.
	 * @return how many people were told
	 */
	int tell(long alertId, long postId, String title, String body) {
		List<Recipient> recipients = this.sql.sql("""
				select employee_id, max(case when announcement_id = :post then 1 else 0 end) as got_post
				from deliveries
				where announcement_id in (:alert, :post)
				group by employee_id
				order by employee_id
				""")
			.param("alert", alertId)
			.param("post", postId)
			.query((rs, n) -> new Recipient(rs.getLong("employee_id"), rs.getInt("got_post") == 1))
			.list();
		this.notifications.send(recipients.stream()
			.map((person) -> new Notice(person.employeeId(), NotificationKind.CRITICAL_POST, postId, title, body,
					"/announcements/" + (person.gotPost() ? postId : alertId), true,
					"crisis-follow-up:" + postId + ":" + person.employeeId()))
			.toList());
		return recipients.size();
	}

	private record Recipient(long employeeId, boolean gotPost) {

	}

}
