package io.herald.crisis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.account.AccountService;
import io.herald.crisis.DrillReport.Gap;
import io.herald.crisis.DrillReport.GapReason;
import io.herald.shared.ChangeRefused;
import io.herald.support.Organisation;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drill report on PostgreSQL: reach by medium from accounts, the directory and the
 * alert's e-mails; everyone a medium missed, with why; how answers came in; real
 * incidents have none; the CSV has every gap with its reasons.
 */
@SpringBootTest
@WithUserDetails(Plans.COMMS)
class DrillReportTests implements PostgresIntegrationTest {

	@Autowired
	IncidentReports reports;

	@Autowired
	Incidents incidents;

	@Autowired
	CheckInLinks links;

	@Autowired
	CrisisPlans plans;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	IncidentFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new IncidentFixture(this.jdbc, Organisation.of(this.context));
	}

	@Test
	void aDrillReportCountsReachByMediumAndListsEveryoneAMediumMissedWithWhy() {
		long location = this.fixture.location("Drill office");
		List<Long> people = this.fixture.people(4, location);
		long withAccount = people.get(0);
		long bounced = people.get(1);
		long left = people.get(2);
		long reachedEverywhere = people.get(3);
		this.accounts.createAccountsWithSharedPassword(Map.of(withAccount, Set.of(), reachedEverywhere, Set.of()),
				"herald-demo");
		this.jdbc.update("update employees set mobile = '+48 600 100 200' where id in (?, ?)", withAccount,
				reachedEverywhere);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, true));
		this.jdbc.update("update outbox_messages set status = 'SENT', sent_at = now() where announcement_id = ? "
				+ "and employee_id in (?, ?)", opened.announcementId(), withAccount, reachedEverywhere);
		this.jdbc.update("update outbox_messages set status = 'FAILED', last_error = '550 5.1.1 mailbox unavailable' "
				+ "where announcement_id = ? and employee_id = ?", opened.announcementId(), bounced);
		this.jdbc.update("update employees set active = false where id = ?", left);
		this.jdbc.update("update employees set first_name = '=HYPERLINK(\"http://evil.test\")' where id = ?", bounced);
		IncidentFixture.as(withAccount, () -> this.incidents.checkIn(opened.id(), CheckInStatus.SAFE, null));
		this.links.answer(token(this.links.link(opened.id(), reachedEverywhere)), CheckInStatus.SAFE, null);

		DrillReport report = this.reports.drill(opened.id());

		assertThat(report.incident().drill()).isTrue();
		assertThat(report.media()).containsExactly(Medium.IN_APP, Medium.EMAIL);
		assertThat(report.inApp()).isEqualTo(2);
		assertThat(report.email()).isEqualTo(2);
		assertThat(report.emailFailed()).isEqualTo(1);
		assertThat(report.emailWaiting()).isZero();
		assertThat(report.emailNotSent()).isZero();
		assertThat(report.mobile()).isEqualTo(2);
		assertThat(report.answeredVia()).containsEntry(AnsweredVia.APP, 1L)
			.containsEntry(AnsweredVia.LINK, 1L)
			.containsEntry(AnsweredVia.API, 0L);
		assertThat(report.gapCount()).isEqualTo(2);
		// The most cut off first.
		assertThat(report.gaps()).extracting(Gap::employeeId).containsExactly(bounced, left);
		Gap leaver = report.gaps().get(1);
		assertThat(leaver.reasons()).containsExactly(GapReason.LEFT);
		Gap bounce = report.gaps().get(0);
		assertThat(bounce.reasons()).containsExactly(GapReason.NO_ACCOUNT, GapReason.EMAIL_FAILED, GapReason.NO_MOBILE);
		assertThat(bounce.emailError()).isEqualTo("550 5.1.1 mailbox unavailable");
		assertThat(bounce.status()).isEqualTo(CheckInStatus.NO_RESPONSE);
		assertThat(bounce.location()).isEqualTo(this.fixture.locationName(location));

		String csv = new String(this.reports.drillCsv(opened.id()), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFemployee_id,name,location,email,mobile,gaps,email_error,check_in\r\n");
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv).contains(bounced + ",\"'=HYPERLINK(\"\"http://evil.test\"\") Person 2\",")
			.contains(",NO_ACCOUNT;EMAIL_FAILED;NO_MOBILE,550 5.1.1")
			.contains(left + ",Ines Person 3,");
	}

	@Test
	void aRealIncidentHasNoDrillReport() {
		long location = this.fixture.location("Real office");
		this.fixture.people(1, location);
		OpenedIncident opened = this.incidents.activate(this.fixture.plan(this.plans),
				IncidentFixture.at(location, false));

		assertThatThrownBy(() -> this.reports.drill(opened.id())).isInstanceOf(ChangeRefused.class);
	}

	@Test
	@WithUserDetails("employee@herald.test")
	void employeesCannotReadDrillReports() {
		assertThatThrownBy(() -> this.reports.drill(1L)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.reports.drillCsv(1L)).isInstanceOf(AccessDeniedException.class);
	}

	private static String token(String link) {
		return link.substring(CheckInLinks.PATH.length());
	}

}
