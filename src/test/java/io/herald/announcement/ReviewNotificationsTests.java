package io.herald.announcement;

import java.util.List;
import java.util.Map;

import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review desk tells the people who have to act: a post sent for review reaches the
 * channel's owners and the communications managers (never its author), each time it is
 * sent; the reviewer's answer reaches the author, with the comment when changes are
 * requested. Each links to the post on the desk and is e-mailed as the person chose.
 */
@SpringBootTest
class ReviewNotificationsTests implements PostgresIntegrationTest {

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

	long author;

	long owner;

	long recipient;

	long commsManager;

	@BeforeEach
	void reviewedChannel() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		long department = this.fixture.department("Reviewed");
		this.recipient = this.fixture.person(department, null);
		this.author = this.fixture.person(null, null);
		this.owner = this.fixture.person(null, null);
		this.channel = this.fixture.channel("DEPARTMENT", department, null, false, true);
		member(this.author, "PUBLISHER");
		member(this.owner, "OWNER");
		// The owner reads in the app only.
		this.sql.sql("insert into notification_preferences (employee_id, mode) values (:employee, 'IN_APP')")
			.param("employee", this.owner)
			.update();
		this.commsManager = this.sql.sql("""
				select min(e.id) from employees e join user_accounts a on a.employee_id = e.id
				join account_roles r on r.account_id = a.id
				where r.role = 'COMMS_MANAGER' and a.enabled = true and e.active = true""").query(Long.class).single();
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void aPostSentForReviewReachesTheChannelsOwnersAndTheCommunicationsManagersButNotItsAuthor() {
		long id = submitted();

		assertThat(notifications(id, this.owner)).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("kind", "REVIEW_REQUESTED")
				.containsEntry("subject", "Audience test INFO")
				.containsEntry("link", "/manage/announcements/" + id);
		});
		assertThat(notifications(id, this.commsManager)).extracting((row) -> row.get("kind"))
			.containsExactly("REVIEW_REQUESTED");
		assertThat(notifications(id, this.author)).isEmpty();
		assertThat(notifications(id, this.recipient)).isEmpty();
		assertThat(emails(id, this.owner)).isEmpty();
	}

	@Test
	void changesRequestedReachTheAuthorWithTheCommentAndASecondSubmissionIsAnnouncedAgain() {
		long id = submitted();

		SignedIn.as(employee(this.owner),
				() -> this.announcements.requestChanges(id, "Please add the date of the move."));

		assertThat(notifications(id, this.author)).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("kind", "CHANGES_REQUESTED")
				.containsEntry("detail", "Please add the date of the move.")
				.containsEntry("link", "/manage/announcements/" + id);
		});
		assertThat(emails(id, this.author)).extracting((row) -> row.get("kind")).containsExactly("CHANGES_REQUESTED");

		SignedIn.as(employee(this.author), () -> this.announcements.submit(id));

		assertThat(notifications(id, this.owner)).extracting((row) -> row.get("kind"))
			.containsExactly("REVIEW_REQUESTED", "REVIEW_REQUESTED");
	}

	@Test
	void anApprovalReachesTheAuthorAndAnInfoPostItReleasesTellsNoRecipient() {
		long id = submitted();
		long version = SignedIn.as(employee(this.owner), () -> this.desk.details(id).version());

		AnnouncementStatus status = SignedIn.as(employee(this.owner), () -> this.announcements.approve(id, version));

		assertThat(status).isEqualTo(AnnouncementStatus.PUBLISHED);
		assertThat(notifications(id, this.author)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("kind", "POST_APPROVED")
				.containsEntry("link", "/manage/announcements/" + id));
		assertThat(emails(id, this.author)).extracting((row) -> row.get("kind")).containsExactly("POST_APPROVED");
		assertThat(this.fixture.recipients(id)).containsExactly(this.recipient);
		assertThat(notifications(id, this.recipient)).isEmpty();
	}

	private long submitted() {
		return SignedIn.as(employee(this.author), () -> {
			long id = this.fixture
				.track(this.announcements.create(AudienceFixture.draft(this.channel, Priority.INFO, false)));
			this.announcements.submit(id);
			return id;
		});
	}

	private void member(long employeeId, String role) {
		this.sql.sql("insert into channel_members (channel_id, employee_id, role) values (:channel, :employee, :role)")
			.param("channel", this.channel)
			.param("employee", employeeId)
			.param("role", role)
			.update();
	}

	private static Authentication employee(long employeeId) {
		return SignedIn.employee(employeeId);
	}

	private List<Map<String, Object>> notifications(long announcementId, long employeeId) {
		return this.sql.sql("""
				select * from notifications where announcement_id = :announcement and employee_id = :employee
				order by id""")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> emails(long announcementId, long employeeId) {
		return this.sql.sql("""
				select * from outbox_messages where announcement_id = :announcement and employee_id = :employee
				order by id""")
			.param("announcement", announcementId)
			.param("employee", employeeId)
			.query()
			.listOfRows();
	}

}
