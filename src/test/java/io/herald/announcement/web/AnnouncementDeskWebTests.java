package io.herald.announcement.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.herald.support.Announcing;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authoring desk and content calendar over HTTP: bad input comes back on the form and
 * saves nothing, times are read in the author's zone, the audience preview, the review
 * flow's refusals and who may use the desk at all, and the calendar's busy-day warning.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnouncementDeskWebTests implements PostgresIntegrationTest {

	private static final String PASSWORD = "herald-demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient sql;

	@Test
	void badInputComesBackOnTheFormAndSavesNothing() {
		long channel = channel("TOPIC", false);
		TestHttp http = signedIn("comms@herald.test");
		Map<String, String> form = form(http, channel, "", "  ");
		form.put("scheduledAt", "2001-01-01T09:00");
		HttpResponse<String> answer = http.postForm("/manage/announcements/new", form);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body())
			.contains("Give the announcement a title", "Write the announcement",
					"Choose a publishing time in the future", "is-invalid")
			.doesNotContain("??");

		form.put("title", "A title");
		form.put("body", "Some words");
		form.put("scheduledAt", "next tuesday");
		answer = http.postForm("/manage/announcements/new", form);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Enter a date and time.", "value=\"A title\"");
		assertThat(postsIn(channel)).isZero();
	}

	@Test
	void previewShowsSanitisedMarkdownAndSavesNothing() {
		long channel = channel("TOPIC", false);
		TestHttp http = signedIn("comms@herald.test");
		Map<String, String> form = form(http, channel, "Preview me", "**Bold** <script>alert(1)</script>");
		form.put("action", "preview");
		HttpResponse<String> answer = http.postForm("/manage/announcements/new", form);
		assertThat(answer.body()).contains("<strong>Bold</strong>").doesNotContain("<script>alert(1)</script>");
		assertThat(postsIn(channel)).isZero();
	}

	@Test
	void scheduledTimesAreReadInTheAuthorsOwnZone() {
		long channel = channel("TOPIC", false);
		List<String> people = ordinaryPeople(2);
		String taipei = people.get(0);
		String warsaw = people.get(1);
		String before = timeZoneOf(taipei);
		String warsawBefore = timeZoneOf(warsaw);
		try {
			setTimeZone(taipei, "Asia/Taipei");
			setTimeZone(warsaw, "Europe/Warsaw");
			publisher(channel, taipei);
			publisher(channel, warsaw);

			long fromTaipei = createScheduled(signedIn(taipei), channel, "2030-03-01T09:00");
			long fromWarsaw = createScheduled(signedIn(warsaw), channel, "2030-03-01T09:00");

			assertThat(scheduledAt(fromTaipei)).isEqualTo(Instant.parse("2030-03-01T01:00:00Z"));
			assertThat(scheduledAt(fromWarsaw)).isEqualTo(Instant.parse("2030-03-01T08:00:00Z"));
			assertThat(signedIn(taipei).page("/manage/announcements/" + fromTaipei + "/edit").body())
				.contains("value=\"2030-03-01T09:00\"", "Asia/Taipei");
		}
		finally {
			setTimeZone(taipei, before);
			setTimeZone(warsaw, warsawBefore);
		}
	}

	@Test
	void audiencePreviewCountsWhomTheTargetingReaches() {
		long channel = channel("COMPANY", false);
		Map<String, Object> warsaw = this.sql
			.sql("select id, name from locations where name = 'Warsaw' order by id limit 1")
			.query()
			.singleRow();
		long people = this.sql.sql("select count(*) from employees where active and location_id = :location")
			.param("location", warsaw.get("id"))
			.query(Long.class)
			.single();
		TestHttp http = signedIn("comms@herald.test");
		HttpResponse<String> fragment = http
			.page("/manage/announcements/audience?channelId=" + channel + "&locationIds=" + warsaw.get("id"));
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html")
			.contains("Reaches " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(people) + " people in Warsaw")
			.contains("<table", "Department");

		HttpResponse<String> everyone = http.page("/manage/announcements/audience?channelId=" + channel);
		long all = this.sql.sql("select count(*) from employees where active").query(Long.class).single();
		assertThat(everyone.body())
			.contains("Reaches " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(all) + " people");
	}

	@Test
	void theReviewFlowRefusesWhatTheRulesForbidWithAMessage() {
		long channel = channel("COMPANY", true);
		TestHttp comms = signedIn("comms@herald.test");
		Map<String, String> form = form(comms, channel, "Needs a second pair of eyes", "Body");
		long id = idFrom(comms.postForm("/manage/announcements/new", form));
		String token = TestHttp.csrfToken(comms.page("/manage/announcements/" + id).body());

		HttpResponse<String> publish = comms.postForm("/manage/announcements/" + id + "/publish",
				Map.of("_csrf", token));
		assertThat(publish.statusCode()).isEqualTo(302);
		assertThat(comms.page("/manage/announcements/" + id).body())
			.contains("This channel requires review before publishing");
		assertThat(status(id)).isEqualTo("DRAFT");

		comms.postForm("/manage/announcements/" + id + "/submit", Map.of("_csrf", token));
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		assertThat(comms.page("/manage/announcements/" + id).body()).contains("waiting for review");
		comms.postForm("/manage/announcements/" + id + "/approve", Map.of("_csrf", token));
		String page = comms.page("/manage/announcements/" + id).body();
		assertThat(page).contains("authors cannot approve their own").doesNotContain("Exception");
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		assertThat(comms.page("/manage/announcements/" + (id + 1_000_000)).statusCode()).isEqualTo(404);
		assertThat(comms.postForm("/manage/announcements/" + (id + 1_000_000) + "/approve", Map.of("_csrf", token))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aPublishedPostIsRevisedWithItsAudienceKeptAndARevisionRecorded() {
		long channel = channel("COMPANY", false);
		long communications = this.sql
			.sql("select id from departments where name = 'Communications' order by id limit 1")
			.query(Long.class)
			.single();
		TestHttp http = signedIn("comms@herald.test");
		Map<String, String> form = form(http, channel, "Office move", "We move on **Monday**.");
		form.put("priority", "IMPORTANT");
		form.put("ackRequired", "true");
		form.put("departmentIds", Long.toString(communications));
		long id = idFrom(http.postForm("/manage/announcements/new", form));
		String token = TestHttp.csrfToken(http.page("/manage/announcements/" + id).body());
		http.postForm("/manage/announcements/" + id + "/publish", Map.of("_csrf", token));
		assertThat(http.page("/manage/announcements/" + id).body()).contains("The announcement is published.",
				"Edit the published announcement", "Archive");
		assertThat(status(id)).isEqualTo("PUBLISHED");

		String editor = http.page("/manage/announcements/" + id + "/edit").body();
		assertThat(editor).contains("data-targeting-readonly", "Material change", "Communications")
			.doesNotContain("id=\"channelId\"")
			.doesNotContain("??");
		Map<String, String> revision = new HashMap<>();
		revision.put("_csrf", TestHttp.csrfToken(editor));
		revision.put("title", "Office move (new date)");
		revision.put("body", "We move on **Tuesday**.");
		revision.put("material", "true");
		// The due date as the editor shows it (to the minute, in the author's
		// zone) is no change.
		Instant due = ackDueAt(id);
		String zone = timeZoneOf("comms@herald.test");
		revision.put("ackDueAt", AnnouncementForm.local(due, java.time.ZoneId.of(zone)));
		assertThat(editor).contains("value=\"" + revision.get("ackDueAt") + "\"");
		revision.put("version",
				this.sql.sql("select version from announcements where id = :announcement")
					.param("announcement", id)
					.query(String.class)
					.single());
		revision.put("action", "save");
		assertThat(http.postForm("/manage/announcements/" + id + "/edit", revision).statusCode()).isEqualTo(302);

		assertThat(this.sql.sql("select title, revision, ack_revision from announcements where id = :announcement")
			.param("announcement", id)
			.query()
			.singleRow()).containsEntry("title", "Office move (new date)")
			.containsEntry("revision", 2)
			.containsEntry("ack_revision", 2);
		assertThat(ackDueAt(id)).isEqualTo(due);
		assertThat(
				this.sql.sql("select changed_fields from announcement_revisions where announcement_id = :announcement")
					.param("announcement", id)
					.query(String.class)
					.single())
			.isEqualTo("title,body");
		assertThat(this.sql.sql("""
				select count(*) from announcement_departments
				where announcement_id = :announcement and department_id = :department""")
			.param("announcement", id)
			.param("department", communications)
			.query(Long.class)
			.single()).isOne();
		assertThat(http.page("/manage/announcements/" + id).body()).contains("changed; the previous version is kept",
				"Revision 1 by", "Office move", "Material change");
	}

	@Test
	void peopleWhoPostNowhereAreTurnedAway() {
		TestHttp employee = signedIn("employee@herald.test");
		assertThat(employee.page("/manage/announcements").statusCode()).isEqualTo(403);
		assertThat(employee.page("/manage/announcements/new").statusCode()).isEqualTo(403);
		assertThat(employee.page("/manage/calendar").statusCode()).isEqualTo(403);
		assertThat(employee.page("/manage/announcements/audience?channelId=1").statusCode()).isEqualTo(403);
		String token = TestHttp.csrfToken(employee.page("/directory").body());
		assertThat(
				employee.postForm("/manage/announcements/new", Map.of("_csrf", token, "title", "Sneaky", "body", "x"))
					.statusCode())
			.isEqualTo(403);

		TestHttp hr = signedIn("hr@herald.test");
		assertThat(hr.page("/manage/calendar").statusCode()).isEqualTo(200);
	}

	@Test
	void aChannelsPublisherFindsTheCalendarInTheMenu() {
		String person = ordinaryPeople(3).get(2);
		assertThat(signedIn(person).page("/feed").body()).doesNotContain("data-nav=\"calendar\"");
		long channel = channel("TOPIC", false);
		try {
			publisher(channel, person);
			TestHttp http = signedIn(person);
			assertThat(http.page("/feed").body()).contains("data-nav=\"calendar\"");
			assertThat(http.page("/manage/calendar").statusCode()).isEqualTo(200);
		}
		finally {
			// Others pick from the same people: leave this one posting nowhere again.
			this.sql.sql("delete from channel_members where channel_id = :channel").param("channel", channel).update();
		}
		assertThat(signedIn("hr@herald.test").page("/feed").body()).contains("data-nav=\"calendar\"");
	}

	@Test
	void theCalendarWarnsWhenOneAudienceGetsThreePostsInADay() {
		long topic = channel("TOPIC", false);
		String name = channelName(topic);
		long author = this.sql.sql("select id from employees where email = 'comms@herald.test'")
			.query(Long.class)
			.single();
		post(topic, author, "2031-05-14T07:00:00Z");
		post(topic, author, "2031-05-14T09:00:00Z");
		post(topic, author, "2031-05-15T09:00:00Z");
		long company = channel("COMPANY", false);
		String companyName = channelName(company);
		long everyone = post(company, author, "2031-05-14T11:00:00Z");

		TestHttp http = signedIn("comms@herald.test");
		String month = http.page("/manage/calendar?month=2031-05").body();
		assertThat(month).doesNotContain("??");
		assertThat(month).contains("Busy day: 3 posts reach the audience of " + name + ".")
			.doesNotContain("audience of " + companyName + ".")
			.contains("href=\"/manage/announcements/" + everyone + "\"");
		assertThat(occurrences(month, "reach the audience of " + name)).isEqualTo(1);
		String week = http.page("/manage/calendar?week=2031-05-12").body();
		assertThat(week).contains("Busy day: 3 posts reach the audience of " + name + ".");
		assertThat(http.page("/manage/calendar?view=week&date=2031-05-16").body())
			.contains("Busy day: 3 posts reach the audience of " + name + ".");
		assertThat(http.page("/manage/calendar?week=2031-05-19").body()).doesNotContain("Busy day");
	}

	@Test
	void theCalendarShowsTheCurrentPeriodForAMonthOrDayItCannotShow() {
		TestHttp http = signedIn("comms@herald.test");
		LocalDate today = LocalDate.now(ZoneId.of(timeZoneOf("comms@herald.test")));
		YearMonth current = YearMonth.from(today);
		LocalDate thisWeek = ContentCalendar.startOfWeek(today);
		for (String query : List.of("month=%2B999999999-12", "month=-999999999-01", "month=1899-12", "month=2201-01",
				"month=2031-13", "month=May", "week=%2B999999999-12-31", "week=-999999999-01-01", "week=2201-01-05",
				"view=week&date=%2B999999999-12-31", "view=week&date=1850-02-30")) {
			HttpResponse<String> answer = http.page("/manage/calendar?" + query);
			assertThat(answer.statusCode()).as(query).isEqualTo(200);
			// An unreadable week= is as if none were given: this month.
			if (!query.startsWith("view=week")) {
				assertThat(answer.body()).as(query).contains("href=\"?month=" + current.plusMonths(1) + "\"");
			}
			else {
				assertThat(answer.body()).as(query).contains("href=\"?week=" + thisWeek.plusWeeks(1) + "\"");
			}
		}
	}

	private TestHttp signedIn(String email) {
		TestHttp http = new TestHttp(this.port);
		assertThat(http.signIn(email, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		return http;
	}

	@Test
	void aTitleWithALineBreakOrNulIsRefusedOnTheFormAndTheBodyKeepsItsLines() {
		long channel = channel("TOPIC", false);
		TestHttp http = signedIn("comms@herald.test");
		for (String title : new String[] { "Carriage\rreturn", "Line\nfeed", "Nul\u0000byte" }) {
			HttpResponse<String> answer = http.postForm("/manage/announcements/new",
					form(http, channel, title, "Some words"));
			assertThat(answer.statusCode()).as(title).isEqualTo(200);
			assertThat(answer.body()).as(title).contains("Keep this on one line", "is-invalid");
		}
		HttpResponse<String> nulInBody = http.postForm("/manage/announcements/new",
				form(http, channel, "A title", "First\u0000second"));
		assertThat(nulInBody.statusCode()).isEqualTo(200);
		assertThat(nulInBody.body()).contains("control character", "is-invalid");
		assertThat(postsIn(channel)).isZero();

		idFrom(http.postForm("/manage/announcements/new", form(http, channel, "A title", "First line\r\nsecond line")));
		assertThat(postsIn(channel)).isOne();
	}

	private Map<String, String> form(TestHttp http, long channel, String title, String body) {
		String token = TestHttp.csrfToken(http.page("/manage/announcements/new").body());
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", token);
		form.put("channelId", Long.toString(channel));
		form.put("title", title);
		form.put("body", body);
		form.put("priority", "INFO");
		form.put("version", "0");
		form.put("action", "save");
		return form;
	}

	private long createScheduled(TestHttp http, long channel, String localTime) {
		Map<String, String> form = form(http, channel, "Scheduled " + localTime, "Body");
		form.put("scheduledAt", localTime);
		return idFrom(http.postForm("/manage/announcements/new", form));
	}

	private static long idFrom(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long channel(String kind, boolean review) {
		String slug = "desk-" + kind.toLowerCase(Locale.ROOT) + "-" + System.nanoTime();
		this.sql.sql("""
				insert into channels (slug, name, kind, requires_review, created_at)
				values (:slug, :name, :kind, :review, :createdAt)""")
			.param("slug", slug)
			.param("name", "Desk " + slug)
			.param("kind", kind)
			.param("review", review)
			.param("createdAt", Timestamp.from(Instant.now()))
			.update();
		return this.sql.sql("select id from channels where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	private void publisher(long channel, String email) {
		this.sql.sql("""
				insert into channel_members (channel_id, employee_id, role)
				select :channel, id, 'PUBLISHER' from employees where email = :email""")
			.param("channel", channel)
			.param("email", email)
			.update();
	}

	private long post(long channel, long author, String at) {
		Timestamp when = Timestamp.from(Instant.parse(at));
		this.sql.sql("""
				insert into announcements (channel_id, author_id, title, body, priority, status, scheduled_at,
				  created_at, updated_at)
				values (:channel, :author, :title, 'Body', 'INFO', 'SCHEDULED', :when, :when, :when)""")
			.param("channel", channel)
			.param("author", author)
			.param("title", "Planned " + at)
			.param("when", when)
			.update();
		return this.sql.sql("select max(id) from announcements where channel_id = :channel and scheduled_at = :when")
			.param("channel", channel)
			.param("when", when)
			.query(Long.class)
			.single();
	}

	/**
	 * Ordinary people with accounts, from the end of the directory (journeys hand out
	 * people from its start).
	 */
	// People of their own: demo people are shared with every other test of this JVM,
	// and one that another test throttled or locked cannot sign in here.
	private List<String> ordinaryPeople(int count) {
		Announcing announcing = new Announcing(this.jdbc);
		return IntStream.range(0, count).mapToObj((i) -> announcing.person("Desk").email()).toList();
	}

	private String timeZoneOf(String email) {
		return this.sql.sql("select time_zone from employees where email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	private void setTimeZone(String email, String zone) {
		this.sql.sql("update employees set time_zone = :zone where email = :email")
			.param("zone", zone)
			.param("email", email)
			.update();
	}

	private String channelName(long channel) {
		return this.sql.sql("select name from channels where id = :channel")
			.param("channel", channel)
			.query(String.class)
			.single();
	}

	private Instant ackDueAt(long id) {
		return this.sql.sql("select ack_due_at from announcements where id = :announcement")
			.param("announcement", id)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant scheduledAt(long id) {
		return this.sql.sql("select scheduled_at from announcements where id = :announcement")
			.param("announcement", id)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private String status(long id) {
		return this.sql.sql("select status from announcements where id = :announcement")
			.param("announcement", id)
			.query(String.class)
			.single();
	}

	private long postsIn(long channel) {
		return this.sql.sql("select count(*) from announcements where channel_id = :channel")
			.param("channel", channel)
			.query(Long.class)
			.single();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
