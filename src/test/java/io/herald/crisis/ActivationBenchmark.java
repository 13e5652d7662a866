package io.herald.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.herald.support.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures activating a crisis plan for 50,000 people on PostgreSQL: the incident, the
 * CRITICAL alert's deliveries and counters, an inbox entry and an outbox e-mail per
 * person, and the check-in roster, all in the activating transaction. A database of its
 * own (a sibling of the tests' one). Prints the median of three runs after a warm-up;
 * asserts only correctness. Run with {@code bench/activation.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "herald.publishing.poll-interval=1h", "herald.escalation.sweep-interval=1h",
		"herald.mail.poll-interval=1h", "herald.mail.digest-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivationBenchmark implements OwnDatabase {

	static final int PEOPLE = 50_000;

	static final int RUNS = 3;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Incidents incidents;

	@Autowired
	UserDetailsService users;

	long department;

	long plan;

	@BeforeAll
	void fiftyThousandPeople() {
		this.department = this.jdbc.queryForObject(
				"insert into departments (name, created_at) values ('Activation', now()) returning id", Long.class);
		long location = this.jdbc.queryForObject(
				"insert into locations (name, time_zone, created_at) values ('Activation site', 'Europe/Warsaw', now()) "
						+ "returning id",
				Long.class);
		this.jdbc.update("insert into employees (email, first_name, last_name, department_id, location_id, time_zone, "
				+ "language, active, created_at, updated_at) select 'act' || g || '@activation.test', 'Act', "
				+ "'Ivation ' || g, ?, ?, 'Europe/Warsaw', 'en', true, now(), now() from generate_series(1, ?) g",
				this.department, location, PEOPLE);
		this.jdbc.execute("vacuum analyze employees");
		this.plan = this.jdbc.queryForObject("select min(id) from crisis_plans", Long.class);
		UserDetails comms = this.users.loadUserByUsername("comms@herald.test");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(comms, null, comms.getAuthorities()));
	}

	@Test
	void activatesAPlanForFiftyThousandPeople() {
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			Activation activation = new Activation(new IncidentScope(false, Set.of(), Set.of(this.department)),
					"Benchmark alert " + run, "Leave the building now.", true);
			long start = System.nanoTime();
			OpenedIncident opened = this.incidents.activate(this.plan, activation);
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			assertThat(opened.recipients()).isEqualTo(PEOPLE);
			assertThat(this.jdbc.queryForObject("select count(*) from outbox_messages where announcement_id = ?",
					Long.class, opened.announcementId()))
				.isEqualTo(PEOPLE);
			if (run > 0) {
				millis.add(elapsed);
			}
			this.incidents.resolve(opened.id());
			this.jdbc.execute("vacuum analyze");
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf("Activation benchmark: %,d people (deliveries, counters, inbox, outbox, roster), "
				+ "median %,d ms (runs: %s ms)%n", PEOPLE, sorted.get(sorted.size() / 2), millis);
	}

}
