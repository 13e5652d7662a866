package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import io.herald.directory.DirectoryAdministration;
import io.herald.directory.PersonDetails;
import io.herald.shared.InvalidChange;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dates that were fine when a draft was saved may have passed when it goes out or is
 * revised: publishing refuses them, a revision does not trip over the ones it leaves
 * alone, and a material revision never asks again with a deadline already behind.
 */
@SpringBootTest
class AnnouncementDatesTests implements PostgresIntegrationTest {

	private static final String COMMS = "comms@herald.test";

	@Autowired
	Announcements announcements;

	@Autowired
	AnnouncementDesk desk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	UserDetailsService users;

	AudienceFixture fixture;

	@Autowired
	DirectoryAdministration directory;

	long channel;

	long department;

	@BeforeEach
	void channelWithPeople() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		long department = this.fixture.department("Dates");
		this.department = department;
		this.fixture.person(department, null);
		this.fixture.person(department, null);
		this.channel = this.fixture.channel("DEPARTMENT", department, null, false);
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void aDraftWhoseExpiryHasPassedIsNotPublished() {
		long id = draft(Priority.INFO, false);
		this.sql.sql("update announcements set expires_at = now() - interval '1 hour' where id = :announcement")
			.param("announcement", id)
			.update();

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.fixture.as(COMMS, () -> this.announcements.publish(id)))
			.satisfies((refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
				.containsExactly("announcement.expiresAt.afterPublishing"));
		assertThat(status(id)).isEqualTo("DRAFT");
		assertThat(this.fixture.recipients(id)).isEmpty();
	}

	@Test
	void aDraftWhoseAcknowledgementWasDueAlreadyIsNotPublished() {
		long id = draft(Priority.IMPORTANT, true);
		this.sql.sql("update announcements set ack_due_at = now() - interval '1 hour' where id = :announcement")
			.param("announcement", id)
			.update();

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.fixture.as(COMMS, () -> this.announcements.publish(id)))
			.satisfies((refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
				.containsExactly("announcement.ackDueAt.afterPublishing"));
		assertThat(status(id)).isEqualTo("DRAFT");
	}

	@Test
	void aRevisionKeepingALapsedPinIsAccepted() {
		long id = published(Priority.INFO, false);
		this.sql.sql("update announcements set pinned_until = now() - interval '1 day' where id = :announcement")
			.param("announcement", id)
			.update();
		AnnouncementDetails before = details(id);

		this.fixture.as(COMMS, () -> {
			this.announcements.revise(id, revised(before, "A corrected title", before.tracking().ackDueAt()), false);
			return null;
		});

		AnnouncementDetails after = details(id);
		assertThat(after.content().title()).isEqualTo("A corrected title");
		assertThat(after.tracking().revision()).isEqualTo(2);
	}

	@Test
	void aMaterialRevisionAfterTheDeadlineAsksAgainWithAFreshOne() {
		long id = published(Priority.IMPORTANT, true);
		this.sql.sql("update announcements set ack_due_at = now() - interval '1 day' where id = :announcement")
			.param("announcement", id)
			.update();
		AnnouncementDetails before = details(id);

		this.fixture.as(COMMS, () -> {
			this.announcements.revise(id, revised(before, "The policy, changed", before.tracking().ackDueAt()), true);
			return null;
		});

		AnnouncementDetails after = details(id);
		assertThat(after.tracking().ackRevision()).isEqualTo(2);
		assertThat(after.tracking().ackDueAt()).isAfter(Instant.now().plus(Duration.ofDays(2)));
	}

	@Test
	void someoneWhoJoinsAfterTheDeadlineGetsTheirOwnTimeToAcknowledge() {
		long id = published(Priority.IMPORTANT, true);
		this.sql.sql("update announcements set ack_due_at = now() - interval '1 day' where id = :announcement")
			.param("announcement", id)
			.update();
		String email = this.fixture.unique("late").replace(' ', '.').toLowerCase() + "@audience.test";

		long hire = this.fixture.as("hr@herald.test",
				() -> this.directory.addPerson(new PersonDetails(email, null, "Lena", "Late", null, null,
						this.department, null, null, null, null, ZoneId.of("Europe/Warsaw"), "en", null, null, 0)));

		Timestamp own = this.sql.sql("""
				select ack_due_at from deliveries where announcement_id = :announcement and employee_id = :employee""")
			.param("announcement", id)
			.param("employee", hire)
			.query(Timestamp.class)
			.single();
		assertThat(own.toInstant()).isAfter(Instant.now().plus(Duration.ofDays(2)));
		Integer others = this.sql.sql("""
				select count(*) from deliveries
				where announcement_id = :announcement and employee_id <> :employee and ack_due_at is null""")
			.param("announcement", id)
			.param("employee", hire)
			.query(Integer.class)
			.single();
		assertThat(others).isEqualTo(2);
	}

	private long draft(Priority priority, boolean ackRequired) {
		return this.fixture.as(COMMS, () -> this.fixture
			.track(this.announcements.create(AudienceFixture.draft(this.channel, priority, ackRequired))));
	}

	private long published(Priority priority, boolean ackRequired) {
		long id = draft(priority, ackRequired);
		this.fixture.as(COMMS, () -> this.announcements.publish(id));
		return id;
	}

	private AnnouncementDetails details(long id) {
		return this.fixture.as(COMMS, () -> this.desk.details(id));
	}

	private static AnnouncementDraft revised(AnnouncementDetails details, String title, Instant ackDueAt) {
		return new AnnouncementDraft(details.targeting().channelId(), title, details.content().summary(),
				details.content().body(), details.content().priority(), details.tracking().ackRequired(), ackDueAt,
				Set.of(), Set.of(), details.schedule().pinnedUntil(), details.schedule().expiresAt(), null,
				details.version());
	}

	private String status(long id) {
		return this.sql.sql("select status from announcements where id = :announcement")
			.param("announcement", id)
			.query(String.class)
			.single();
	}

}
