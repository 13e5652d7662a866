package io.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People the account and incident tests may change: each call adds a new member of the
 * demo Finance department in Warsaw with an ordinary enabled account (employee role only)
 * and the demo password. A pool of demo people ran dry, or handed someone out twice, once
 * other tests had deactivated or moved some of them first.
 */
public final class FinancePeople {

	private static final AtomicLong sequence = new AtomicLong();

	private static final String RUN = Long.toString(System.nanoTime(), 36);

	private FinancePeople() {
	}

	/**
	 * A new active Finance member with an ordinary enabled account (employee role only)
	 * who signs in with the demo password.
	 */
	public static Person next(JdbcTemplate jdbc) {
		long n = sequence.incrementAndGet();
		String email = "finance." + RUN + "." + n + "@accounts.test";
		Timestamp now = Timestamp.from(Instant.now());
		long employeeId = jdbc.queryForObject("""
				insert into employees (email, first_name, last_name, department_id, location_id, time_zone,
				    language, active, created_at, updated_at)
				select ?, 'Fiona', ?, d.id, l.id, 'Europe/Warsaw', 'en', true, ?, ?
				from departments d cross join locations l where d.name = 'Finance' and l.name = 'Warsaw'
				returning id""", Long.class, email, "Finance" + n, now, now);
		String hash = jdbc.queryForObject("""
				select a.password_hash from user_accounts a join employees e on e.id = a.employee_id
				where e.email = 'employee@herald.test'""", String.class);
		long accountId = jdbc.queryForObject("""
				insert into user_accounts (employee_id, password_hash, enabled, created_at)
				values (?, ?, true, ?) returning id""", Long.class, employeeId, hash, now);
		jdbc.update("insert into account_roles (account_id, role) values (?, 'EMPLOYEE')", accountId);
		return new Person(employeeId, email, accountId);
	}

	/**
	 * A new location named after {@code name} with one new Finance member moved into it
	 * alone, so an alert scoped to it reaches exactly them.
	 */
	public static Place aloneAt(JdbcTemplate jdbc, String name) {
		Person member = next(jdbc);
		String locationName = name + " " + System.nanoTime();
		long location = jdbc.queryForObject(
				"insert into locations (name, time_zone, created_at) values (?, 'Europe/Warsaw', now()) returning id",
				Long.class, locationName);
		jdbc.update("update employees set location_id = ? where id = ?", location, member.employeeId());
		return new Place(location, locationName, member);
	}

	public record Person(long employeeId, String email, long accountId) {

	}

	public record Place(long locationId, String locationName, Person member) {

	}

}
