package io.herald.crisis;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.herald.support.Organisation;
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

	private final Organisation organisation;

	IncidentFixture(JdbcTemplate jdbc, Organisation organisation) {
		this.jdbc = jdbc;
		this.organisation = organisation;
	}

	String unique(String name) {
		return name + " " + this.run + "-" + sequence.incrementAndGet();
	}

	long location(String name) {
		return this.organisation.location(unique(name));
	}

	String locationName(long id) {
		return this.jdbc.queryForObject("select name from locations where id = ?", String.class, id);
	}

	/**
	 * Active people at a location, in id order.
	 */
	List<Long> people(int count, long locationId) {
		return this.organisation.person("Ines", "Person").at(locationId).mailedAt("incident.test").add(count);
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
