package io.herald.channel;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.herald.support.Organisation;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.SignedIn;
import io.herald.support.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel map's audience sizes: {@link Channels#audiences()} against the rule it
 * replaced (four grouped counts, kept here) and against the per-person rule of
 * {@link Channels#headingForCaller(String)} (asked as each person), on people with and
 * without a department or a location, inactive people, subscribers active and not,
 * mandatory, empty and archived channels.
 */
@SpringBootTest
class ChannelAudiencesTests implements PostgresIntegrationTest {

	@Autowired
	Channels channels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final List<Long> people = new ArrayList<>();

	private final List<Long> ownChannels = new ArrayList<>();

	private int sequence;

	@AfterEach
	void removeRows() {
		for (long channel : this.ownChannels) {
			this.jdbc.update("delete from channels where id = ?", channel);
		}
		for (long person : this.people) {
			this.jdbc.update("delete from channel_subscriptions where employee_id = ?", person);
			this.jdbc.update("delete from employees where id = ?", person);
		}
	}

	@Test
	void everyChannelsAudienceIsWhatTheRuleItReplacedCounted() {
		long sales = department("Sprzedaż");
		long legal = department("法務");
		long empty = department("Puste");
		long warsaw = location("Warszawa");
		long taipei = location("臺北");
		List<Long> active = new ArrayList<>();
		active.addAll(people(3, sales, warsaw, true));
		active.addAll(people(2, sales, taipei, true));
		active.addAll(people(2, legal, null, true));
		active.addAll(people(1, null, warsaw, true));
		active.addAll(people(1, null, null, true));
		List<Long> inactive = new ArrayList<>();
		inactive.addAll(people(2, sales, warsaw, false));
		inactive.addAll(people(1, null, null, false));
		inactive.addAll(people(1, legal, taipei, false));

		long salesChannel = channel("DEPARTMENT", sales, null, false, false);
		long legalChannel = channel("DEPARTMENT", legal, null, false, false);
		long emptyChannel = channel("DEPARTMENT", empty, null, false, false);
		long warsawChannel = channel("LOCATION", null, warsaw, false, false);
		long taipeiChannel = channel("LOCATION", null, taipei, false, false);
		long company = channel("COMPANY", null, null, false, false);
		long topic = channel("TOPIC", null, null, false, false);
		subscribe(topic, active.subList(0, 4));
		subscribe(topic, inactive.subList(0, 2));
		long onlyInactive = channel("TOPIC", null, null, false, false);
		subscribe(onlyInactive, inactive);
		long unsubscribed = channel("TOPIC", null, null, false, false);
		// Subscribed while optional, then made mandatory; subscribed, then archived.
		long mandatory = channel("TOPIC", null, null, false, false);
		subscribe(mandatory, active.subList(2, 5));
		TestChannels.of(this.context).makeMandatory(mandatory);
		long archived = channel("TOPIC", null, null, false, false);
		subscribe(archived, active);
		TestChannels.of(this.context).archive(archived);
		long archivedDepartment = channel("DEPARTMENT", sales, null, false, true);

		Map<Long, ChannelAudience> audiences = SignedIn.as(SignedIn.employee(active.get(0)),
				() -> this.channels.audiences());

		// Every channel of the database, other tests' too, as the replaced statements
		// counted them, in the same order (by name).
		Map<Long, Long> before = previousRule();
		assertThat(audiences.keySet()).containsExactlyElementsOf(before.keySet());
		audiences
			.forEach((id, audience) -> assertThat(audience.people()).as("channel %d", id).isEqualTo(before.get(id)));
		assertThat(audiences).doesNotContainKeys(archived, archivedDepartment);
		assertThat(audiences.get(topic).createdAt())
			.isEqualTo(this.jdbc.queryForObject("select created_at from channels where id = ?", Timestamp.class, topic)
				.toInstant());

		// The test's own channels reach only the test's own people: the per-person rule
		// gives the same figures.
		for (long channel : List.of(salesChannel, legalChannel, emptyChannel, warsawChannel, taipeiChannel, topic,
				onlyInactive, unsubscribed)) {
			String slug = this.jdbc.queryForObject("select slug from channels where id = ?", String.class, channel);
			long reached = this.people.stream()
				.filter((person) -> SignedIn.as(SignedIn.employee(person),
						() -> this.channels.headingForCaller(slug).orElseThrow().reachesCaller()))
				.count();
			assertThat(audiences.get(channel).people()).as("channel %d", channel).isEqualTo(reached);
		}
		assertThat(audiences.get(salesChannel).people()).isEqualTo(5);
		assertThat(audiences.get(legalChannel).people()).isEqualTo(2);
		assertThat(audiences.get(emptyChannel).people()).isZero();
		assertThat(audiences.get(warsawChannel).people()).isEqualTo(4);
		assertThat(audiences.get(taipeiChannel).people()).isEqualTo(2);
		assertThat(audiences.get(topic).people()).isEqualTo(4);
		assertThat(audiences.get(onlyInactive).people()).isZero();
		assertThat(audiences.get(unsubscribed).people()).isZero();
		long everyone = this.jdbc.queryForObject("select count(*) from employees where active = true", Long.class);
		assertThat(audiences.get(company).people()).isEqualTo(everyone);
		assertThat(audiences.get(mandatory).people()).isEqualTo(everyone);
	}

	/**
	 * The statements {@code audiences()} ran until December 2026: everyone, per
	 * department, per location, and the active subscribers per topic, each over all
	 * employees.
	 */
	private Map<Long, Long> previousRule() {
		long everyone = this.jdbc.queryForObject("select count(*) from employees where active = true", Long.class);
		Map<Long, Long> byDepartment = new HashMap<>();
		this.jdbc.query("select department_id, count(*) from employees where active = true "
				+ "and department_id is not null group by department_id", (rs) -> {
					byDepartment.put(rs.getLong(1), rs.getLong(2));
				});
		Map<Long, Long> byLocation = new HashMap<>();
		this.jdbc.query("select location_id, count(*) from employees where active = true "
				+ "and location_id is not null group by location_id", (rs) -> {
					byLocation.put(rs.getLong(1), rs.getLong(2));
				});
		Map<Long, Long> subscribers = new HashMap<>();
		this.jdbc.query("select s.channel_id, count(*) from channel_subscriptions s join employees e "
				+ "on e.id = s.employee_id where e.active = true group by s.channel_id", (rs) -> {
					subscribers.put(rs.getLong(1), rs.getLong(2));
				});
		Map<Long, Long> people = new LinkedHashMap<>();
		this.jdbc.query("select id, kind, department_id, location_id, mandatory from channels "
				+ "where archived = false order by name", (rs) -> {
					long id = rs.getLong("id");
					people.put(id, switch (ChannelKind.valueOf(rs.getString("kind"))) {
						case COMPANY -> everyone;
						case DEPARTMENT -> byDepartment.getOrDefault(rs.getLong("department_id"), 0L);
						case LOCATION -> byLocation.getOrDefault(rs.getLong("location_id"), 0L);
						case TOPIC -> rs.getBoolean("mandatory") ? everyone : subscribers.getOrDefault(id, 0L);
					});
				});
		return people;
	}

	private String unique(String name) {
		return name + " " + this.run + "-" + (++this.sequence);
	}

	private long department(String name) {
		return Organisation.of(this.context).department(unique(name));
	}

	private long location(String name) {
		return Organisation.of(this.context).location(unique(name));
	}

	private List<Long> people(int count, Long departmentId, Long locationId, boolean active) {
		Organisation organisation = Organisation.of(this.context);
		List<Long> ids = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			long id = organisation.person("Ola", "Nowak")
				.in(departmentId)
				.at(locationId)
				.speaking("pl")
				.mailedAt("audience.test")
				.add();
			if (!active) {
				organisation.deactivate(id);
			}
			ids.add(id);
		}
		this.people.addAll(ids);
		return ids;
	}

	private long channel(String kind, Long departmentId, Long locationId, boolean mandatory, boolean archived) {
		String slug = unique("audience").replace(' ', '-');
		TestChannels channels = TestChannels.of(this.context);
		long id = channels.channel(ChannelKind.valueOf(kind), slug, slug)
			.of(departmentId, locationId)
			.mandatory(mandatory)
			.create();
		if (archived) {
			channels.archive(id);
		}
		this.ownChannels.add(id);
		return id;
	}

	private void subscribe(long channel, List<Long> people) {
		TestChannels.of(this.context).subscribe(channel, people);
	}

}
