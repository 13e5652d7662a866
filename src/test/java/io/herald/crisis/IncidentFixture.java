package io.herald.crisis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.herald.support.SignedIn;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The incident tests' own rows: locations and people (without accounts) nobody else uses,
 * so an activation scoped to them reaches exactly these people.
 */
final class IncidentFixture {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	IncidentFixture(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long location(String name) {
		return this.jdbc.queryForObject(
				"insert into locations (name, time_zone, created_at) values (?, 'Europe/Warsaw', now()) returning id",
				Long.class, unique(name));
	}

	String locationName(long id) {
		return this.jdbc.queryForObject("select name from locations where id = ?", String.class, id);
	}

	/**
	 * Active people at a location, in id order.
	 */
	List<Long> people(int count, long locationId) {
		String prefix = unique("incident").replace(' ', '.').toLowerCase(Locale.ROOT);
		List<Integer> numbers = IntStream.rangeClosed(1, count).boxed().toList();
		this.jdbc.batchUpdate("insert into employees (email, first_name, last_name, location_id, time_zone, language, "
				+ "active, created_at, updated_at) values (?, 'Ines', ?, ?, 'Europe/Warsaw', 'en', true, now(), now())",
				numbers, 500, (statement, n) -> {
					statement.setString(1, prefix + "." + n + "@incident.test");
					statement.setString(2, "Person " + n);
					statement.setLong(3, locationId);
				});
		return this.jdbc.queryForList("select id from employees where email like ? order by id", Long.class,
				prefix + ".%");
	}

	long plan(CrisisPlans plans) {
		return plans.create(Plans.draft(unique("Incident plan")));
	}

	static Activation at(long locationId, boolean drill) {
		return new Activation(new IncidentScope(false, Set.of(locationId), Set.of()), "Fire at {location}",
				"Leave the building now. Alarm raised at {time}.", drill);
	}

	static <T> T as(long employeeId, Supplier<T> work) {
		return SignedIn.as(SignedIn.employee(employeeId), work);
	}

	static void as(long employeeId, Runnable work) {
		SignedIn.as(SignedIn.employee(employeeId), work);
	}

}
