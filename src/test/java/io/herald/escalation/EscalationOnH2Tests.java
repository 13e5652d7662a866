package io.herald.escalation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.herald.HeraldApplication;
import io.herald.announcement.Priority;
import io.herald.shared.SignedInPerson;
import io.herald.support.Escalating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default sweeps every minute on H2: the sweep's queries, the digest queue's
 * claim, the team page's recursive queries and the policy changes run there as on
 * PostgreSQL.
 */
class EscalationOnH2Tests {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	static final Instant NOW = LocalDate.now(WARSAW).minusDays(20).atTime(11, 0).atZone(WARSAW).toInstant();

	@TempDir
	Path dataDir;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void sweepsNudgesAndChangesPoliciesOnH2() {
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.escalation.sweep-interval=1h")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from escalation_policy_steps", Integer.class)).isEqualTo(8);
			Escalating data = new Escalating(app);
			long manager = data.person("Manager", "Europe/Warsaw", null);
			long report = data.person("Report", "Asia/Taipei", manager);
			long channel = data.channel("H2", manager);
			long post = data.post(channel, manager, "IMPORTANT", "On H2", NOW.minus(Duration.ofDays(7)),
					NOW.minus(Duration.ofHours(80)), List.of(report));

			EscalationSweep.Report report1 = app.getBean(EscalationSweep.class)
				.run(Clock.fixed(NOW, ZoneOffset.UTC), Set.of(post));

			assertThat(report1.stepsRecorded()).isEqualTo(4);
			assertThat(report1.reminders()).isEqualTo(1);
			assertThat(report1.digests()).isEqualTo(2);
			assertThat(jdbc.queryForList("select kind from notifications where employee_id = ? order by kind",
					String.class, manager))
				.containsExactly("ESCALATION", "MANAGER_DIGEST");
			assertThat(app.getBean(EscalationSweep.class)
				.run(Clock.fixed(NOW, ZoneOffset.UTC), Set.of(post))
				.stepsRecorded()).isZero();

			signIn(manager, "ROLE_EMPLOYEE");
			Team team = app.getBean(Team.class);
			assertThat(team.outstanding().outstanding()).extracting(OutstandingAck::employeeId).containsExactly(report);
			assertThat(team.nudge(post, report)).isEqualTo(Nudge.SENT);
			assertThat(team.nudgeAll()).isZero();

			signIn(manager, "ROLE_ADMIN");
			EscalationPolicies policies = app.getBean(EscalationPolicies.class);
			long override = policies.createOverride(channel, Priority.CRITICAL);
			policies.change(new PolicyChange(override, 0, List.of(new StepDraft(0, null, 10, OffsetUnit.MINUTES,
					OffsetDirection.AFTER, StepAnchor.PUBLISHED, StepAction.REMIND_RECIPIENT, StepMedium.IN_APP))));
			assertThat(policies.book().stepsFor(Priority.CRITICAL, channel)).extracting(PolicyStep::offsetMinutes)
				.containsExactly(10);
		}
	}

	@Test
	void theScheduledSweepRunsByItself() {
		try (ConfigurableApplicationContext app = SpringApplication.run(HeraldApplication.class, "--server.port=0",
				"--HERALD_DATA_DIR=" + this.dataDir.toAbsolutePath(), "--herald.escalation.sweep-interval=1s")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			Escalating data = new Escalating(app);
			long person = data.person("Scheduled", "Asia/Taipei", null);
			Instant published = Instant.now().minus(Duration.ofMinutes(20));
			// CRITICAL: no quiet hours, whatever the time of day the test runs at.
			long post = data.post(data.channel("Scheduled", null), person, "CRITICAL", "Scheduled", published,
					published.plus(Duration.ofHours(2)), List.of(person));

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(jdbc.queryForObject(
						"select count(*) from notifications " + "where announcement_id = ? and kind = 'REMINDER'",
						Integer.class, post))
					.isOne());
			assertThat(
					jdbc.queryForObject("select count(*) from shedlock where name = 'escalation-sweep'", Integer.class))
				.isOne();
		}
	}

	private static void signIn(long employeeId, String role) {
		SignedInPerson person = new Person(employeeId);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(person, null, role));
	}

	private record Person(long employeeId) implements SignedInPerson {

		@Override
		public long accountId() {
			return 0;
		}

		@Override
		public String email() {
			return "h2@escalation.test";
		}

		@Override
		public ZoneId timeZone() {
			return WARSAW;
		}

		@Override
		public Locale locale() {
			return Locale.ENGLISH;
		}

	}

}
