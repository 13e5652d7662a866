package io.herald.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People the account tests may change: members of the demo Finance department from the
 * tenth onwards (other tests use the first ones), each handed out once per JVM, so no two
 * tests disable, reset or promote the same person.
 */
public final class FinancePeople {

	private static final int FIRST = 9;

	private static final AtomicInteger next = new AtomicInteger(FIRST);

	private FinancePeople() {
	}

	/**
	 * An active Finance member with an ordinary enabled account (employee role only).
	 */
	public static Person next(JdbcTemplate jdbc) {
		List<Person> people = jdbc.query("""
				select e.id, e.email, a.id from employees e
				join departments d on d.id = e.department_id
				join user_accounts a on a.employee_id = e.id
				where d.name = 'Finance' and e.active
				order by e.id""", (rs, row) -> new Person(rs.getLong(1), rs.getString(2), rs.getLong(3)));
		int index = next.getAndIncrement();
		if (index >= people.size()) {
			throw new IllegalStateException("Every Finance member from the tenth on has been handed out already");
		}
		return people.get(index);
	}

	public record Person(long employeeId, String email, long accountId) {

	}

}
