package io.herald.announcement;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.herald.HeraldApplication;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications of publishing, late joining and review on the embedded default, H2 in
 * PostgreSQL mode, with the demo organisation: the kinds V21 allows, the set-based
 * fan-out and the late joiners' statements run there as on PostgreSQL.
 */
class NotificationsOnH2Tests {

	private static final String COMMS = "comms@herald.test";

	@TempDir
	Path dataDir;

	@Test
	void postsLateJoinersAndReviewsNotifyOnTheEmbeddedDatabase() {
		try (ConfigurableApplicationContext context = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.publishing.poll-interval=1h")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:");
			Announcements announcements = context.getBean(Announcements.class);
			UserDetailsService users = context.getBean(UserDetailsService.class);
			TransactionTemplate transactions = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			long engineering = jdbc.sql("select id from channels where slug = 'engineering'")
				.query(Long.class)
				.single();
			long company = jdbc.sql("select id from channels where slug = 'company'").query(Long.class).single();

			// An important post asking for acknowledgement: every recipient asked once,
			// e-mailed unless they chose otherwise.
			long post = as(users, COMMS, () -> {
				long id = announcements.create(draft(engineering, "Laptop refresh", Priority.IMPORTANT, true));
				announcements.publish(id);
				return id;
			});
			long recipients = jdbc.sql("select count(*) from deliveries where announcement_id = :announcement")
				.param("announcement", post)
				.query(Long.class)
				.single();
			assertThat(recipients).isPositive();
			assertThat(jdbc
				.sql("""
						select count(*) from notifications where announcement_id = :announcement and kind = 'ACK_REQUEST'""")
				.param("announcement", post)
				.query(Long.class)
				.single()).isEqualTo(recipients);
			assertThat(jdbc
				.sql("""
						select count(*) from outbox_messages where announcement_id = :announcement and kind = 'ACK_REQUEST'""")
				.param("announcement", post)
				.query(Long.class)
				.single())
				.isEqualTo(jdbc
					.sql("""
							select count(*) from deliveries d left join notification_preferences p on p.employee_id = d.employee_id
							where d.announcement_id = :announcement and (p.mode is null or p.mode = 'EMAIL_IMMEDIATE')""")
					.param("announcement", post)
					.query(Long.class)
					.single());

			// A new hire in Engineering is asked too, once.
			jdbc.sql("""
					insert into employees (email, first_name, last_name, department_id, time_zone, language, active,
					  created_at, updated_at)
					select 'new.hire@h2.test', 'Nova', 'Hire', department_id, 'Europe/Warsaw', 'en', true,
					  current_timestamp, current_timestamp
					from channels where id = :channel""").param("channel", engineering).update();
			long newHire = jdbc.sql("select id from employees where email = 'new.hire@h2.test'")
				.query(Long.class)
				.single();
			LateJoiners lateJoiners = context.getBean(LateJoiners.class);
			transactions.executeWithoutResult((status) -> lateJoiners.deliver(List.of(newHire)));
			transactions.executeWithoutResult((status) -> lateJoiners.deliver(List.of(newHire)));
			assertThat(jdbc
				.sql("select kind from notifications where announcement_id = :announcement and employee_id = :employee")
				.param("announcement", post)
				.param("employee", newHire)
				.query(String.class)
				.list()).containsExactly("ACK_REQUEST");

			// Review: the other communications managers are asked; the author hears back.
			long reviewer = jdbc.sql("""
					select min(e.id) from employees e join user_accounts a on a.employee_id = e.id
					join account_roles r on r.account_id = a.id
					where r.role = 'COMMS_MANAGER' and e.email <> :author and e.active = true""")
				.param("author", COMMS)
				.query(Long.class)
				.single();
			long author = jdbc.sql("select id from employees where email = :email")
				.param("email", COMMS)
				.query(Long.class)
				.single();
			long reviewed = as(users, COMMS, () -> {
				long id = announcements.create(draft(company, "New canteen", Priority.INFO, false));
				announcements.submit(id);
				return id;
			});
			assertThat(jdbc
				.sql("select kind from notifications where announcement_id = :announcement and employee_id = :employee")
				.param("announcement", reviewed)
				.param("employee", reviewer)
				.query(String.class)
				.list()).containsExactly("REVIEW_REQUESTED");
			SignedIn.as(SignedIn.person(reviewer, "ROLE_EMPLOYEE", "ROLE_COMMS_MANAGER"),
					() -> announcements.requestChanges(reviewed, "Add the opening hours."));
			assertThat(jdbc.sql("""
					select detail from notifications
					where announcement_id = :announcement and employee_id = :employee and kind = 'CHANGES_REQUESTED'""")
				.param("announcement", reviewed)
				.param("employee", author)
				.query(String.class)
				.list()).containsExactly("Add the opening hours.");
		}
	}

	private static AnnouncementDraft draft(long channel, String title, Priority priority, boolean ackRequired) {
		return new AnnouncementDraft(channel, title, null, "Body of " + title, priority, ackRequired, null, Set.of(),
				Set.of(), null, null, null, 0);
	}

	private static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
		return SignedIn.as(SignedIn.user(users.loadUserByUsername(email)), work);
	}

}
