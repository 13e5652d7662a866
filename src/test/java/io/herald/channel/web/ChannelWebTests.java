package io.herald.channel.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.channel.ChannelKind;
import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestChannels;
import io.herald.support.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel list with subscriptions, and channel administration: closed to employees,
 * clear about bad input, Post/Redirect/Get when it works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChannelWebTests implements PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	Announcing data;

	@BeforeEach
	void setUp() {
		this.data = new Announcing(this.jdbc);
	}

	@Test
	void anEmployeeSubscribesToATopicAndLeavesItAgain() {
		Person person = this.data.person("Subscriber");
		Channel topic = this.data.topic("Cycling");
		TestHttp http = person.signIn(this.port);
		Document list = Jsoup.parse(http.page("/channels").body());
		assertThat(list.select("[data-channel=" + topic.slug() + "]").attr("data-subscribed")).isEqualTo("false");
		assertThat(list.select("[data-channel=" + topic.slug() + "] form[method=post] input[name=_csrf]")).isNotEmpty();

		HttpResponse<String> subscribed = http.postForm("/channels/" + topic.slug() + "/subscribe",
				Map.of("_csrf", TestHttp.csrfToken(list.html())));

		assertThat(subscribed.statusCode()).isEqualTo(302);
		assertThat(subscriptions(person, topic)).isEqualTo(1);
		Document after = Jsoup.parse(http.page("/channels").body());
		assertThat(after.select("[data-channel=" + topic.slug() + "]").attr("data-subscribed")).isEqualTo("true");
		assertThat(after.select("[data-channel=" + topic.slug() + "]").attr("data-reaches-me")).isEqualTo("true");
		assertThat(after.select("[role=status]").text()).contains("You are subscribed");

		http.postForm("/channels/" + topic.slug() + "/unsubscribe", Map.of("_csrf", TestHttp.csrfToken(after.html())));

		assertThat(subscriptions(person, topic)).isZero();
	}

	@Test
	void theFeedOffersExactlyTheChannelsTheChannelListSaysReachMe() {
		Person person = this.data.person("Placed");
		Organisation organisation = Organisation.of(this.context);
		long department = organisation.department("Reach " + System.nanoTime());
		long otherDepartment = organisation.department("Reach " + System.nanoTime());
		long location = organisation.location("Reach site " + System.nanoTime());
		organisation.move(person.employeeId(), department, location);
		String mine = placed("DEPARTMENT", department, null);
		String others = placed("DEPARTMENT", otherDepartment, null);
		String site = placed("LOCATION", null, location);
		Channel subscribed = this.data.topic("Subscribed reach");
		Channel unsubscribed = this.data.topic("Unsubscribed reach");
		Channel mandatory = this.data.channel("Mandatory reach", true);
		Channel archived = this.data.topic("Archived reach");
		TestChannels channels = TestChannels.of(this.context);
		for (Channel topic : List.of(subscribed, archived)) {
			channels.subscribe(topic.id(), List.of(person.employeeId()));
		}
		channels.archive(archived.id());
		TestHttp http = person.signIn(this.port);

		Set<String> offered = Jsoup.parse(http.page("/feed").body())
			.select("#feed-channel option:not([value=''])")
			.eachAttr("value")
			.stream()
			.collect(Collectors.toSet());
		Set<String> reaching = Jsoup.parse(http.page("/channels").body())
			.select("[data-channel][data-reaches-me=true]")
			.eachAttr("data-channel")
			.stream()
			.collect(Collectors.toSet());

		assertThat(offered).isEqualTo(reaching)
			.contains(mine, site, subscribed.slug(), mandatory.slug())
			.doesNotContain(others, unsubscribed.slug(), archived.slug());
		// Each channel's own page says the same.
		for (String slug : List.of(mine, others, site, subscribed.slug(), unsubscribed.slug(), mandatory.slug())) {
			Document page = Jsoup.parse(http.page("/channels/" + slug).body());
			assertThat(page.select("[data-reaches-me]").isEmpty()).as(slug).isEqualTo(!reaching.contains(slug));
		}
	}

	private String placed(String kind, Long department, Long location) {
		String slug = "reach-" + kind.toLowerCase() + "-" + System.nanoTime();
		TestChannels.of(this.context)
			.channel(ChannelKind.valueOf(kind), slug, "Reach " + slug)
			.of(department, location)
			.create();
		return slug;
	}

	@Test
	void aMandatoryTopicCannotBeLeftAndShowsAsMandatory() {
		Person person = this.data.person("Subscriber");
		Channel mandatory = this.data.channel("Safety", true);
		TestHttp http = person.signIn(this.port);
		Document list = Jsoup.parse(http.page("/channels").body());
		assertThat(list.select("[data-channel=" + mandatory.slug() + "] [data-mandatory]")).isNotEmpty();
		assertThat(list.select("[data-channel=" + mandatory.slug() + "] form")).isEmpty();

		http.postForm("/channels/" + mandatory.slug() + "/subscribe", Map.of("_csrf", TestHttp.csrfToken(list.html())));

		assertThat(subscriptions(person, mandatory)).isZero();
		assertThat(http.page("/channels").body()).contains("Only optional topic channels");
	}

	@Test
	void channelAdministrationIsClosedToEmployees() {
		Person employee = this.data.person("Employee");
		TestHttp http = employee.signIn(this.port);
		String csrf = TestHttp.csrfToken(http.page("/channels").body());
		assertThat(http.page("/manage/channels").statusCode()).isEqualTo(403);
		assertThat(http.page("/manage/channels/new").statusCode()).isEqualTo(403);
		assertThat(http
			.postForm("/manage/channels/new",
					Map.of("_csrf", csrf, "slug", "sneaky-" + employee.employeeId(), "name", "Sneaky", "kind", "TOPIC"))
			.statusCode()).isEqualTo(403);
		assertThat(http.postForm("/manage/channels/standard", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from channels where slug = ?", Long.class,
				"sneaky-" + employee.employeeId()))
			.isZero();
		assertThat(Jsoup.parse(http.page("/channels").body()).select("a[data-nav=manage-channels]")).isEmpty();
	}

	@Test
	void badInputShowsFieldErrorsAndChangesNothing() {
		Person comms = this.data.person("Comms", "COMMS_MANAGER");
		TestHttp http = comms.signIn(this.port);
		Document form = Jsoup.parse(http.page("/manage/channels/new").body());
		assertThat(form.select("a[data-nav=manage-channels], a[data-nav=manage], a[data-nav=calendar]")).hasSize(3);
		String name = "Bad channel " + comms.employeeId();

		HttpResponse<String> refused = http.postForm("/manage/channels/new",
				Map.of("_csrf", TestHttp.csrfToken(form.html()), "slug", "Not A Slug!", "name", name, "kind", "",
						"ownerEmails", "nobody-" + comms.employeeId() + "@nowhere.test", "version", "0"));

		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#slug-errors").text()).contains("lower-case letters");
		assertThat(page.select("#kind-errors").text()).contains("Choose what kind");
		assertThat(page.select("#ownerEmails-errors").text()).contains("nobody-" + comms.employeeId());
		assertThat(page.select("input#slug").hasClass("is-invalid")).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from channels where name = ?", Long.class, name)).isZero();
	}

	@Test
	void aChannelNameWithALineBreakOrNulIsRefusedOnTheForm() {
		Person comms = this.data.person("Comms", "COMMS_MANAGER");
		TestHttp http = comms.signIn(this.port);
		String token = TestHttp.csrfToken(http.page("/manage/channels/new").body());
		for (String name : new String[] { "Bad\rname", "Bad\nname", "Bad\u0000name" }) {
			HttpResponse<String> refused = http.postForm("/manage/channels/new", Map.of("_csrf", token, "slug",
					"control-" + comms.employeeId(), "name", name, "kind", "TOPIC", "version", "0"));
			assertThat(refused.statusCode()).as(name).isEqualTo(200);
			assertThat(Jsoup.parse(refused.body()).select("#name-errors").text()).as(name)
				.contains("Keep this on one line");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from channels where slug = ?", Long.class,
				"control-" + comms.employeeId()))
			.isZero();
	}

	@Test
	void aCommunicationsManagerCreatesEditsArchivesAndRestoresAChannel() {
		Person comms = this.data.person("Comms", "COMMS_MANAGER");
		Person owner = this.data.person("Owner");
		TestHttp http = comms.signIn(this.port);
		String slug = "garden-club-" + comms.employeeId();
		String csrf = TestHttp.csrfToken(http.page("/manage/channels/new").body());

		HttpResponse<String> created = http.postForm("/manage/channels/new", Map.of("_csrf", csrf, "slug", slug, "name",
				"Garden club", "kind", "TOPIC", "ownerEmails", owner.email(), "version", "0"));

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/manage/channels");
		Long id = this.jdbc.queryForObject("select id from channels where slug = ?", Long.class, slug);
		Document list = Jsoup.parse(http.page("/manage/channels").body());
		assertThat(list.select("[role=status]").text()).contains("The channel has been created.");
		assertThat(list.select("tr[data-channel=" + slug + "]")).isNotEmpty();

		Document edit = Jsoup.parse(http.page("/manage/channels/" + id + "/edit").body());
		assertThat(edit.select("textarea#ownerEmails").text()).isEqualTo(owner.email());
		assertThat(edit.select("input#slug")).isEmpty();
		HttpResponse<String> saved = http.postForm("/manage/channels/" + id + "/edit",
				Map.of("_csrf", TestHttp.csrfToken(edit.html()), "name", "Garden club and allotments", "version",
						edit.select("input[name=version]").val(), "ownerEmails", owner.email()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("select name from channels where id = ?", String.class, id))
			.isEqualTo("Garden club and allotments");

		http.postForm("/manage/channels/" + id + "/archive", Map.of("_csrf", csrf));
		assertThat(archived(id)).isTrue();
		assertThat(Jsoup.parse(http.page("/manage/channels").body())
			.select("tr[data-channel=" + slug + "]")
			.attr("data-archived")).isEqualTo("true");
		http.postForm("/manage/channels/" + id + "/restore", Map.of("_csrf", csrf));
		assertThat(archived(id)).isFalse();
	}

	private boolean archived(long id) {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("select archived from channels where id = ?", Boolean.class, id));
	}

	private long subscriptions(Person person, Channel channel) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from channel_subscriptions where channel_id = ? and employee_id = ?", Long.class,
				channel.id(), person.employeeId());
		return (count != null) ? count : 0;
	}

}
