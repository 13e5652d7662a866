package io.herald.announcement;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.herald.channel.Channels;
import io.herald.directory.DirectoryAdministration;
import io.herald.directory.EmployeesJoined;
import io.herald.directory.PersonDetails;
import io.herald.shared.InvalidChange;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who a published announcement reaches, on PostgreSQL: one delivery per person in the
 * channel's audience, narrowed by the post's departments and locations, active people
 * only; and the people who join that audience later.
 */
@SpringBootTest
class AudienceResolutionTests implements PostgresIntegrationTest {

	static final String COMMS = "comms@herald.test";

	static final String HR = "hr@herald.test";

	@Autowired
	Announcements announcements;

	@Autowired
	AnnouncementDesk desk;

	@Autowired
	Channels channels;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	AudienceFixture fixture;

	long sales;

	long support;

	long legal;

	long warsaw;

	long taipei;

	// Sales: two in Warsaw, one in Taipei, one who left; Support: one in each
	// city; Legal: one with no location.
	long salesWarsaw1;

	long salesWarsaw2;

	long salesTaipei;

	long salesLeft;

	long supportWarsaw;

	long supportTaipei;

	long legalNowhere;

	@BeforeEach
	void organisation() {
		this.fixture = new AudienceFixture(this.jdbc, this.users);
		this.sales = this.fixture.department("Audience Sales");
		this.support = this.fixture.department("Audience Support");
		this.legal = this.fixture.department("Audience Legal");
		this.warsaw = this.fixture.location("Audience Warsaw");
		this.taipei = this.fixture.location("Audience Taipei");
		this.salesWarsaw1 = this.fixture.person(this.sales, this.warsaw);
		this.salesWarsaw2 = this.fixture.person(this.sales, this.warsaw);
		this.salesTaipei = this.fixture.person(this.sales, this.taipei);
		this.salesLeft = this.fixture.person(this.sales, this.warsaw, false);
		this.supportWarsaw = this.fixture.person(this.support, this.warsaw);
		this.supportTaipei = this.fixture.person(this.support, this.taipei);
		this.legalNowhere = this.fixture.person(this.legal, null);
	}

	@AfterEach
	void removeAnnouncements() {
		this.fixture.removeAnnouncements();
	}

	@Test
	void companyPostReachesEveryActivePersonOnce() {
		long channel = this.fixture.channel("COMPANY", null, null, false);
		List<Long> everyone = this.fixture.activePeople();
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false));
		assertThat(this.fixture.recipients(post)).containsExactlyElementsOf(everyone)
			.contains(this.salesWarsaw1, this.supportTaipei, this.legalNowhere)
			.doesNotContain(this.salesLeft);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(everyone.size());
	}

	@Test
	void departmentPostReachesTheDepartmentsActiveMembers() {
		long channel = this.fixture.channel("DEPARTMENT", this.sales, null, false);
		long post = publish(AudienceFixture.draft(channel, Priority.IMPORTANT, true));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesWarsaw1, this.salesWarsaw2,
				this.salesTaipei);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(3);
	}

	@Test
	void locationPostReachesThePeopleWorkingThere() {
		long channel = this.fixture.channel("LOCATION", null, this.taipei, false);
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesTaipei, this.supportTaipei);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(2);
	}

	@Test
	void topicPostReachesItsActiveSubscribersOnly() {
		long channel = this.fixture.channel("TOPIC", null, null, false);
		this.fixture.subscribe(channel, this.salesWarsaw1);
		this.fixture.subscribe(channel, this.supportTaipei);
		this.fixture.subscribe(channel, this.salesLeft);
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesWarsaw1, this.supportTaipei);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(2);
	}

	@Test
	void mandatoryTopicPostReachesEveryoneSubscribedOrNot() {
		long channel = this.fixture.channel("TOPIC", null, null, true);
		this.fixture.subscribe(channel, this.salesWarsaw1);
		List<Long> everyone = this.fixture.activePeople();
		long post = publish(AudienceFixture.draft(channel, Priority.CRITICAL, true));
		assertThat(this.fixture.recipients(post)).containsExactlyElementsOf(everyone).doesNotContain(this.salesLeft);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(everyone.size());
	}

	@Test
	void narrowingByDepartmentsKeepsTheirMembersOnly() {
		long channel = this.fixture.channel("COMPANY", null, null, false);
		long post = publish(
				AudienceFixture.draft(channel, Priority.INFO, false, Set.of(this.sales, this.legal), Set.of()));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesWarsaw1, this.salesWarsaw2,
				this.salesTaipei, this.legalNowhere);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(4);
	}

	@Test
	void narrowingByLocationsKeepsThePeopleWorkingThereOnly() {
		long channel = this.fixture.channel("COMPANY", null, null, false);
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false, Set.of(), Set.of(this.warsaw)));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesWarsaw1, this.salesWarsaw2,
				this.supportWarsaw);
	}

	@Test
	void narrowingByDepartmentsAndLocationsKeepsPeopleInBoth() {
		long channel = this.fixture.channel("COMPANY", null, null, false);
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false, Set.of(this.sales, this.support),
				Set.of(this.taipei)));
		assertThat(this.fixture.recipients(post)).containsExactly(this.salesTaipei, this.supportTaipei);
		assertThat(this.fixture.recipientCount(post)).isEqualTo(2);
	}

	@Test
	void narrowingNarrowsTheChannelNeverWidensIt() {
		long channel = this.fixture.channel("DEPARTMENT", this.sales, null, false);
		AnnouncementDraft supportPeople = AudienceFixture.draft(channel, Priority.INFO, false, Set.of(this.support),
				Set.of(this.warsaw));
		assertThat(this.fixture.as(COMMS,
				() -> this.desk.audience(channel, supportPeople.departmentIds(), supportPeople.locationIds())
					.recipients()))
			.isZero();
		assertThatThrownBy(() -> publish(supportPeople)).isInstanceOfSatisfying(InvalidChange.class,
				(refused) -> assertThat(refused.problems().get(0).code()).isEqualTo("announcement.audience.empty"));
		long warsawOnly = publish(AudienceFixture.draft(channel, Priority.INFO, false, Set.of(), Set.of(this.warsaw)));
		assertThat(this.fixture.recipients(warsawOnly)).containsExactly(this.salesWarsaw1, this.salesWarsaw2);
	}

	@Test
	void previewCountsWhomPublishingReaches() {
		long channel = this.fixture.channel("LOCATION", null, this.warsaw, false);
		long preview = this.fixture.as(COMMS,
				() -> this.desk.audience(channel, Set.of(this.sales), Set.of()).recipients());
		long post = publish(AudienceFixture.draft(channel, Priority.INFO, false, Set.of(this.sales), Set.of()));
		assertThat(this.fixture.recipients(post)).hasSize((int) preview)
			.containsExactly(this.salesWarsaw1, this.salesWarsaw2);
	}

	@Test
	void newHireReceivesActivePostsAskingForAcknowledgement() {
		Posts posts = postsToSales();
		long hire = this.fixture.as(HR, () -> this.directory.addPerson(person(this.sales, this.warsaw)));
		posts.assertLateJoiner(hire);
	}

	@Test
	void transferReceivesTheNewDepartmentsPostsOnce() {
		Posts posts = postsToSales();
		this.fixture.as(HR, () -> this.directory.changePerson(this.supportWarsaw,
				details(this.supportWarsaw, this.sales, this.warsaw)));
		posts.assertLateJoiner(this.supportWarsaw);
		// Away and back again: still the one delivery.
		this.fixture.as(HR, () -> this.directory.changePerson(this.supportWarsaw,
				details(this.supportWarsaw, this.support, this.warsaw)));
		this.fixture.as(HR, () -> this.directory.changePerson(this.supportWarsaw,
				details(this.supportWarsaw, this.sales, this.taipei)));
		posts.assertLateJoiner(this.supportWarsaw);
	}

	@Test
	void returningPersonReceivesWhatTheyMissed() {
		Posts posts = postsToSales();
		this.fixture.as(HR, () -> this.directory.reactivate(this.salesLeft));
		posts.assertLateJoiner(this.salesLeft);
	}

	@Test
	void personWhoLeftAndCameBackIsNotDeliveredTwice() {
		Posts posts = postsToSales();
		assertThat(this.fixture.deliveries(posts.ackRequired(), this.salesWarsaw1)).isOne();
		this.fixture.as(HR, () -> this.directory.deactivate(this.salesWarsaw1));
		this.fixture.as(HR, () -> this.directory.reactivate(this.salesWarsaw1));
		assertThat(this.fixture.deliveries(posts.ackRequired(), this.salesWarsaw1)).isOne();
		assertThat(this.fixture.recipientCount(posts.ackRequired()))
			.isEqualTo(this.fixture.recipients(posts.ackRequired()).size());
	}

	@Test
	void newSubscriberReceivesTheTopicsPostsAskingForAcknowledgement() {
		long topic = this.fixture.channel("TOPIC", null, null, false);
		this.fixture.subscribe(topic, this.salesWarsaw1);
		long ackRequired = publish(AudienceFixture.draft(topic, Priority.IMPORTANT, true));
		long info = publish(AudienceFixture.draft(topic, Priority.INFO, false));
		String slug = this.fixture.slug(topic);
		this.fixture.asEmployee(this.supportTaipei, () -> this.channels.subscribe(slug));
		assertThat(this.fixture.deliveries(ackRequired, this.supportTaipei)).isOne();
		assertThat(this.fixture.deliveries(info, this.supportTaipei)).isZero();
		// Unsubscribing and subscribing again adds nothing.
		this.fixture.asEmployee(this.supportTaipei, () -> this.channels.unsubscribe(slug));
		this.fixture.asEmployee(this.supportTaipei, () -> this.channels.subscribe(slug));
		assertThat(this.fixture.deliveries(ackRequired, this.supportTaipei)).isOne();
		assertThat(this.fixture.recipientCount(ackRequired)).isEqualTo(this.fixture.recipients(ackRequired).size());
	}

	@Test
	void lateJoinerOutsideANarrowedAudienceReceivesNothing() {
		long channel = this.fixture.channel("DEPARTMENT", this.sales, null, false);
		long taipeiOnly = publish(
				AudienceFixture.draft(channel, Priority.IMPORTANT, true, Set.of(), Set.of(this.taipei)));
		long hire = this.fixture.as(HR, () -> this.directory.addPerson(person(this.sales, this.warsaw)));
		assertThat(this.fixture.deliveries(taipeiOnly, hire)).isZero();
		long taipeiHire = this.fixture.as(HR, () -> this.directory.addPerson(person(this.sales, this.taipei)));
		assertThat(this.fixture.deliveries(taipeiOnly, taipeiHire)).isOne();
	}

	@Test
	void repeatedJoinEventDeliversNothingTwice() {
		Posts posts = postsToSales();
		long joiner = this.fixture.person(this.sales, this.taipei);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> this.events.publishEvent(new EmployeesJoined(List.of(joiner))));
		transaction
			.executeWithoutResult((status) -> this.events.publishEvent(new EmployeesJoined(List.of(joiner, joiner))));
		posts.assertLateJoiner(joiner);
	}

	/**
	 * Four posts to Sales: one asking for acknowledgement, one for information only, one
	 * asking for acknowledgement that has expired, one asking for acknowledgement that
	 * was archived; and one asking for acknowledgement in Legal.
	 */
	private Posts postsToSales() {
		long salesChannel = this.fixture.channel("DEPARTMENT", this.sales, null, false);
		long legalChannel = this.fixture.channel("DEPARTMENT", this.legal, null, false);
		long ackRequired = publish(AudienceFixture.draft(salesChannel, Priority.IMPORTANT, true));
		long info = publish(AudienceFixture.draft(salesChannel, Priority.INFO, false));
		long expired = publish(AudienceFixture.draft(salesChannel, Priority.CRITICAL, true));
		this.fixture.expire(expired);
		long archived = publish(AudienceFixture.draft(salesChannel, Priority.IMPORTANT, true));
		this.fixture.as(COMMS, () -> this.announcements.archive(archived));
		long elsewhere = publish(AudienceFixture.draft(legalChannel, Priority.IMPORTANT, true));
		return new Posts(ackRequired, info, expired, archived, elsewhere);
	}

	private long publish(AnnouncementDraft draft) {
		return this.fixture.as(COMMS, () -> {
			long id = this.fixture.track(this.announcements.create(draft));
			this.announcements.publish(id);
			return id;
		});
	}

	private PersonDetails person(long departmentId, long locationId) {
		String email = this.fixture.unique("hire").replace(' ', '.').toLowerCase() + "@audience.test";
		return new PersonDetails(email, null, "Nina", "Newcomer", null, "Clerk", departmentId, locationId, null, null,
				null, ZoneId.of("Europe/Warsaw"), "en", null, null, 0);
	}

	private PersonDetails details(long employeeId, long departmentId, long locationId) {
		return this.sql.sql("select email, first_name, last_name, version from employees where id = :employee")
			.param("employee", employeeId)
			.query((rs, n) -> new PersonDetails(rs.getString("email"), null, rs.getString("first_name"),
					rs.getString("last_name"), null, null, departmentId, locationId, null, null, null,
					ZoneId.of("Europe/Warsaw"), "en", null, null, rs.getLong("version")))
			.single();
	}

	private final class Posts {

		private final long ackRequired;

		private final long info;

		private final long expired;

		private final long archived;

		private final long elsewhere;

		Posts(long ackRequired, long info, long expired, long archived, long elsewhere) {
			this.ackRequired = ackRequired;
			this.info = info;
			this.expired = expired;
			this.archived = archived;
			this.elsewhere = elsewhere;
		}

		long ackRequired() {
			return this.ackRequired;
		}

		void assertLateJoiner(long employeeId) {
			AudienceFixture fixture = AudienceResolutionTests.this.fixture;
			assertThat(fixture.deliveries(this.ackRequired, employeeId)).as("active post asking for acknowledgement")
				.isOne();
			assertThat(fixture.deliveries(this.info, employeeId)).as("post for information only").isZero();
			assertThat(fixture.deliveries(this.expired, employeeId)).as("expired post").isZero();
			assertThat(fixture.deliveries(this.archived, employeeId)).as("archived post").isZero();
			assertThat(fixture.deliveries(this.elsewhere, employeeId)).as("another department's post").isZero();
			assertThat(AudienceResolutionTests.this.sql
				.sql("""
						select late_joiner from deliveries where announcement_id = :announcement and employee_id = :employee""")
				.param("announcement", this.ackRequired)
				.param("employee", employeeId)
				.query(Boolean.class)
				.single()).isTrue();
			assertThat(fixture.recipientCount(this.ackRequired)).as("recipients counted on the announcement")
				.isEqualTo(fixture.recipients(this.ackRequired).size());
		}

	}

}
