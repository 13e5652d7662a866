package io.herald.announcement;

import java.util.Set;

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
 * Review on a channel that requires it: a second manager approves exactly what they read.
 */
@SpringBootTest
class AnnouncementReviewTests implements PostgresIntegrationTest {

	private static final String AUTHOR = "comms@herald.test";

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

	long channel;

	String reviewer;

	@BeforeEach
	void reviewedChannel() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		long department = this.fixture.department("Review");
		this.fixture.person(department, null);
		this.channel = this.fixture.channel("DEPARTMENT", department, null, false, true);
		this.reviewer = this.sql.sql("""
				select e.email from employees e join user_accounts a on a.employee_id = e.id
				join account_roles r on r.account_id = a.id
				where r.role = 'COMMS_MANAGER' and e.email <> :author and e.active order by e.id limit 1""")
			.param("author", AUTHOR)
			.query(String.class)
			.single();
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void aReviewerApprovesWhatTheyReadAndThePostGoesOut() {
		long id = submitted();
		long version = details(this.reviewer, id).version();

		AnnouncementStatus status = this.fixture.as(this.reviewer, () -> this.announcements.approve(id, version));

		assertThat(status).isEqualTo(AnnouncementStatus.PUBLISHED);
		assertThat(this.fixture.recipients(id)).hasSize(1);
	}

	@Test
	void anApprovalOfAnOlderVersionIsRefused() {
		long id = submitted();
		long seen = details(this.reviewer, id).version();
		// Meanwhile the author takes it back, rewrites it and submits it again.
		this.fixture.as(AUTHOR, () -> {
			this.announcements.withdraw(id);
			AnnouncementDetails current = this.desk.details(id);
			this.announcements.update(id,
					new AnnouncementDraft(this.channel, "Something else entirely", null, current.content().body(),
							current.content().priority(), current.tracking().ackRequired(), null, Set.of(), Set.of(),
							null, null, null, current.version()));
			this.announcements.submit(id);
			return null;
		});

		assertThatExceptionOfType(InvalidChange.class)
			.isThrownBy(() -> this.fixture.as(this.reviewer, () -> this.announcements.approve(id, seen)))
			.satisfies((refused) -> assertThat(refused.problems()).extracting(InvalidChange.Problem::code)
				.containsExactly("announcement.review.stale"));
		assertThat(details(this.reviewer, id).status()).isEqualTo(AnnouncementStatus.IN_REVIEW);
	}

	private long submitted() {
		return this.fixture.as(AUTHOR, () -> {
			long id = this.fixture
				.track(this.announcements.create(AudienceFixture.draft(this.channel, Priority.INFO, false)));
			this.announcements.submit(id);
			return id;
		});
	}

	private AnnouncementDetails details(String email, long id) {
		return this.fixture.as(email, () -> this.desk.details(id));
	}

}
