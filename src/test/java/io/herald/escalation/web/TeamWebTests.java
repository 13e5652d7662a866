package io.herald.escalation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.herald.support.Announcing;
import io.herald.support.Escalating;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /team}: a manager sees what their reports, direct and indirect, still owe,
 * overdue first, and nudges them at most once per post a day; nobody else may nudge them;
 * someone without reports gets a friendly page and no menu entry.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeamWebTests implements PostgresIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	Announcing accounts;

	Escalating data;

	UserDetails manager;

	long managerId;

	long report;

	long indirect;

	long overdue;

	long dueLater;

	@BeforeEach
	void setUp() {
		this.accounts = new Announcing(this.jdbc);
		this.data = new Escalating(this.context);
		Announcing.Person boss = this.accounts.person("Boss");
		this.managerId = boss.employeeId();
		this.manager = this.users.loadUserByUsername(boss.email());
		this.report = this.data.person("Direct", "Europe/Warsaw", this.managerId);
		this.indirect = this.data.person("Indirect", "Asia/Taipei", this.report);
		long channel = this.data.channel("Team", null);
		Instant now = Instant.now();
		this.overdue = this.data.post(channel, this.managerId, "IMPORTANT", "Overdue policy",
				now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(1)), List.of(this.report, this.indirect));
		this.dueLater = this.data.post(channel, this.managerId, "CRITICAL", "Due later",
				now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(2)), List.of(this.indirect));
	}

	@Test
	void aManagerSeesWhatDirectAndIndirectReportsOweOverdueFirst() throws Exception {
		String page = page("/team", this.manager);

		assertThat(page).contains("data-nav=\"team\"").doesNotContain("??");
		assertThat(rows(page)).containsExactly("Direct:" + this.overdue, "Indirect:" + this.overdue,
				"Indirect:" + this.dueLater);
		assertThat(page).contains("Overdue policy").contains("Indirect report");
	}

	@Test
	void aNudgeRemindsTheReportOnceADay() throws Exception {
		this.mvc.perform(nudge(this.overdue, this.indirect))
			.andExpect(redirectedUrl("/team"))
			.andExpect(flash().attribute("flashSuccess", "team.nudge.sent"));
		this.mvc.perform(nudge(this.overdue, this.indirect))
			.andExpect(flash().attribute("flashSuccess", "team.nudge.alreadyToday"));

		assertThat(nudges(this.indirect)).isEqualTo(1);
		assertThat(page("/team", this.manager)).contains("Nudged today");
	}

	@Test
	void nudgingEveryoneSkipsThoseNudgedToday() throws Exception {
		this.mvc.perform(nudge(this.overdue, this.report));

		this.mvc.perform(post("/team/nudge-all").with(csrf()).with(user(this.manager)))
			.andExpect(flash().attribute("flashSuccess", "team.nudgeAll.sent"));

		assertThat(nudges(this.report)).isEqualTo(1);
		assertThat(nudges(this.indirect)).isEqualTo(2);
	}

	@Test
	void onlyTheManagerChainMayNudge() throws Exception {
		Announcing.Person stranger = this.accounts.person("Stranger");
		UserDetails strangerLogin = this.users.loadUserByUsername(stranger.email());
		UserDetails reportsOwnLogin = this.users.loadUserByUsername(this.accounts.person("Peer").email());

		this.mvc
			.perform(post("/team/nudge").with(csrf())
				.with(user(strangerLogin))
				.param("announcementId", String.valueOf(this.overdue))
				.param("employeeId", String.valueOf(this.report)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/team/nudge").with(csrf())
				.with(user(reportsOwnLogin))
				.param("announcementId", String.valueOf(this.overdue))
				.param("employeeId", String.valueOf(this.indirect)))
			.andExpect(status().isForbidden());

		assertThat(nudges(this.report)).isZero();
		assertThat(nudges(this.indirect)).isZero();
	}

	@Test
	void aReportWhoAcknowledgedCannotBeNudged() throws Exception {
		this.data.acknowledge(this.overdue, this.report, Instant.now());

		this.mvc.perform(nudge(this.overdue, this.report))
			.andExpect(flash().attribute("flashError", "team.nudge.nothingOwed"));

		assertThat(nudges(this.report)).isZero();
		assertThat(rows(page("/team", this.manager))).doesNotContain("Direct:" + this.overdue);
	}

	@Test
	void someoneWithoutReportsGetsAFriendlyPageAndNoMenuEntry() throws Exception {
		UserDetails loner = this.users.loadUserByUsername(this.accounts.person("Loner").email());

		String page = page("/team", loner);

		assertThat(page).contains("Nobody reports to you").doesNotContain("data-nav=\"team\"");
	}

	private org.springframework.test.web.servlet.RequestBuilder nudge(long post, long employee) {
		return post("/team/nudge").with(csrf())
			.with(user(this.manager))
			.param("announcementId", String.valueOf(post))
			.param("employeeId", String.valueOf(employee));
	}

	private String page(String path, UserDetails who) throws Exception {
		return this.mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> rows(String page) {
		return org.jsoup.Jsoup.parse(page)
			.select("tr[data-employee]")
			.stream()
			.map((row) -> row.selectFirst("[data-name]").text().split(" ")[0] + ":" + row.attr("data-post"))
			.toList();
	}

	private int nudges(long employee) {
		return this.jdbc.queryForObject("select count(*) from notifications where employee_id = ? and kind = 'NUDGE'",
				Integer.class, employee);
	}

}
