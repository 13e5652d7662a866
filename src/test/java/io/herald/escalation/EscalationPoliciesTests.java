package io.herald.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.herald.announcement.Priority;
import io.herald.shared.InvalidChange;
import io.herald.support.Escalating;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Administrators change policies through the service: nonsense is refused field by field
 * and changes nothing, every change is audited, a channel's override starts as a copy of
 * the default and replaces it in the sweep, and nobody else may change anything. The
 * tests work on overrides of their own channels, never on the shared defaults.
 */
@SpringBootTest
class EscalationPoliciesTests implements PostgresIntegrationTest {

	static final String ADMIN = "admin@herald.test";

	@Autowired
	EscalationPolicies policies;

	@Autowired
	EscalationSweep sweep;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	Escalating data;

	long channel;

	@BeforeEach
	void setUp() {
		this.data = new Escalating(this.context);
		this.channel = this.data.channel("Policies", null);
	}

	@Test
	@WithUserDetails(ADMIN)
	void anOverrideStartsAsACopyOfTheDefaultAndRemovingItRestoresTheDefault() {
		long id = this.policies.createOverride(this.channel, Priority.IMPORTANT);

		PolicyView override = this.policies.find(id).orElseThrow();
		assertThat(override.channelId()).isEqualTo(this.channel);
		assertThat(override.steps()).containsExactlyElementsOf(DefaultSteps.IMPORTANT);
		assertThat(audited(id)).containsExactly("escalation.policy.overridden");

		this.policies.removeOverride(id);

		assertThat(this.policies.find(id)).isEmpty();
		assertThat(this.policies.book().stepsFor(Priority.IMPORTANT, this.channel))
			.containsExactlyElementsOf(DefaultSteps.IMPORTANT);
		assertThat(audited(id)).containsExactly("escalation.policy.overridden", "escalation.policy.override.removed");
	}

	@Test
	@WithUserDetails(ADMIN)
	void aSecondOverrideForTheSameChannelAndPriorityIsRefused() {
		this.policies.createOverride(this.channel, Priority.CRITICAL);

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.policies.createOverride(this.channel, Priority.CRITICAL))
			.satisfies((refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
				.containsExactly("policies.override.exists"));
	}

	@Test
	@WithUserDetails(ADMIN)
	void nonsenseIsRefusedOnEachFieldAndChangesNothing() {
		long id = this.policies.createOverride(this.channel, Priority.IMPORTANT);
		PolicyView before = this.policies.find(id).orElseThrow();
		List<StepDraft> steps = List.of(
				new StepDraft(0, null, 2, OffsetUnit.HOURS, OffsetDirection.BEFORE, StepAnchor.PUBLISHED,
						StepAction.REMIND_RECIPIENT, StepMedium.EMAIL),
				new StepDraft(1, null, 200, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE,
						StepAction.ESCALATE_HR, StepMedium.EMAIL),
				new StepDraft(2, null, 3, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE,
						StepAction.ESCALATE_MANAGER, StepMedium.EMAIL),
				new StepDraft(3, null, 1, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE,
						StepAction.ESCALATE_HR, StepMedium.EMAIL));

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.policies.change(new PolicyChange(id, before.version(), steps)))
			.satisfies((refused) -> assertThat(refused.problems())
				.extracting((problem) -> problem.field() + "=" + problem.code())
				.containsExactly("steps[0].direction=policies.step.beforePublishing",
						"steps[1].amount=policies.step.tooFar", "steps[3].amount=policies.step.outOfOrder"));
		assertThat(this.policies.find(id).orElseThrow()).isEqualTo(before);
		assertThat(audited(id)).containsExactly("escalation.policy.overridden");
	}

	@Test
	@WithUserDetails(ADMIN)
	void aChangeIsSavedAuditedAndKeepsTheCodesOfStepsItKeeps() {
		long id = this.policies.createOverride(this.channel, Priority.IMPORTANT);
		PolicyView before = this.policies.find(id).orElseThrow();
		List<StepDraft> steps = new ArrayList<>();
		steps.add(new StepDraft(0, "important-remind-at-due", 2, OffsetUnit.HOURS, OffsetDirection.AFTER,
				StepAnchor.DUE, StepAction.REMIND_RECIPIENT, StepMedium.IN_APP));
		steps.add(new StepDraft(1, null, 2, OffsetUnit.DAYS, OffsetDirection.AFTER, StepAnchor.DUE,
				StepAction.ESCALATE_HR, StepMedium.EMAIL));

		this.policies.change(new PolicyChange(id, before.version(), steps));

		PolicyView after = this.policies.find(id).orElseThrow();
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(after.steps()).extracting(PolicyStep::code).first().isEqualTo("important-remind-at-due");
		assertThat(after.steps()).extracting(PolicyStep::offsetMinutes).containsExactly(120, 2880);
		assertThat(audited(id)).containsExactly("escalation.policy.overridden", "escalation.policy.changed");
	}

	@Test
	@WithUserDetails(ADMIN)
	void aChangeToAPolicySomeoneElseChangedMeanwhileIsRefused() {
		long id = this.policies.createOverride(this.channel, Priority.IMPORTANT);
		PolicyView opened = this.policies.find(id).orElseThrow();
		this.policies.change(new PolicyChange(id, opened.version(), List.of()));

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.policies.change(new PolicyChange(id, opened.version(), List.of())))
			.satisfies((refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
				.containsExactly("policies.concurrent"));
	}

	@Test
	@WithUserDetails(ADMIN)
	void aDefaultCannotBeRemoved() {
		long important = this.policies.all()
			.stream()
			.filter((policy) -> policy.isDefault() && policy.priority() == Priority.IMPORTANT)
			.findFirst()
			.orElseThrow()
			.id();

		assertThatExceptionOfType(InvalidChange.class).isThrownBy(() -> this.policies.removeOverride(important));
	}

	@Test
	@WithUserDetails("hr@herald.test")
	void onlyAdministratorsSeeOrChangePolicies() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.policies.all());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.policies.createOverride(this.channel, Priority.INFO));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.policies.change(new PolicyChange(1, 0, List.of())));
	}

	@Test
	@WithUserDetails(ADMIN)
	void theSweepFollowsAChannelsOverrideAndAnInAppStepSendsNoEmail() {
		ZoneId warsaw = ZoneId.of("Europe/Warsaw");
		Instant now = LocalDate.now(warsaw).minusDays(20).atTime(11, 0).atZone(warsaw).toInstant();
		long id = this.policies.createOverride(this.channel, Priority.INFO);
		this.policies.change(new PolicyChange(id, this.policies.find(id).orElseThrow().version(),
				List.of(new StepDraft(0, null, 1, OffsetUnit.HOURS, OffsetDirection.AFTER, StepAnchor.PUBLISHED,
						StepAction.REMIND_RECIPIENT, StepMedium.IN_APP))));
		long author = this.data.person("Author", "Europe/Warsaw", null);
		long person = this.data.person("Reader", "Europe/Warsaw", null);
		long otherChannel = this.data.channel("Default", null);
		long post = this.data.post(this.channel, author, "INFO", "Canteen menu", now.minus(Duration.ofHours(2)), null,
				List.of(person));
		long elsewhere = this.data.post(otherChannel, author, "INFO", "Canteen menu elsewhere",
				now.minus(Duration.ofHours(2)), null, List.of(person));

		this.sweep.run(Clock.fixed(now, ZoneOffset.UTC), Set.of(post, elsewhere));

		assertThat(this.jdbc.queryForList(
				"select announcement_id from notifications where employee_id = ? " + "and kind = 'REMINDER'",
				Long.class, person))
			.containsExactly(post);
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_messages where employee_id = ?", Integer.class,
				person))
			.isZero();
	}

	private List<String> audited(long policyId) {
		return this.jdbc.queryForList("select action from audit_entries where target_type = 'escalation_policy' "
				+ "and target_id = ? order by id", String.class, policyId);
	}

}
