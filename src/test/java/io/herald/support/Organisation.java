package io.herald.support;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.herald.directory.DirectoryAdministration;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.NewEmployee;
import io.herald.directory.PersonDetails;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * Test data for the directory, made through its public services as seeding and HR make
 * it: departments, locations and people (without accounts), with the ids the tests need.
 * Names are the caller's; e-mail addresses are unique in the JVM and across runs, so
 * tests sharing the database never meet each other's people.
 */
public final class Organisation {

	private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	// HR as the tests act: nobody of the directory (audit entries name person 0).
	private static final Authentication HR = SignedIn.person(0, "ROLE_EMPLOYEE", "ROLE_HR");

	private static final AtomicLong sequence = new AtomicLong();

	private static final String RUN = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));

	private final EmployeeDirectory directory;

	private final DirectoryAdministration administration;

	public Organisation(EmployeeDirectory directory, DirectoryAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	/**
	 * The organisation of a test's application context.
	 */
	public static Organisation of(ApplicationContext context) {
		return new Organisation(context.getBean(EmployeeDirectory.class),
				context.getBean(DirectoryAdministration.class));
	}

	public long department(String name) {
		return this.directory.createDepartment(name);
	}

	/**
	 * A location in Warsaw's time zone.
	 */
	public long location(String name) {
		return location(name, WARSAW);
	}

	public long location(String name, ZoneId timeZone) {
		return this.directory.createLocation(name, timeZone);
	}

	/**
	 * A new active person, in Warsaw's zone and English unless told otherwise; nothing is
	 * written until {@link Newcomer#add()}.
	 */
	public Newcomer person(String firstName, String lastName) {
		return new Newcomer(this, firstName, lastName, null, null, null, WARSAW, "en", "organisation.test", null);
	}

	/**
	 * A department already in the directory (one of the demo organisation's, say).
	 */
	public long departmentNamed(String name) {
		return named(name, SignedIn.as(HR, this.directory::departmentOptions));
	}

	/**
	 * A location already in the directory (one of the demo organisation's, say).
	 */
	public long locationNamed(String name) {
		return named(name, SignedIn.as(HR, this.directory::locationOptions));
	}

	/**
	 * A leaver, as HR deactivates them.
	 */
	public void deactivate(long employeeId) {
		SignedIn.as(HR, () -> this.administration.deactivate(employeeId));
	}

	/**
	 * A transfer, as HR moves someone to another department and location.
	 */
	public void move(long employeeId, Long departmentId, Long locationId) {
		SignedIn.as(HR, () -> {
			EmployeeProfile profile = this.directory.findProfile(employeeId).orElseThrow();
			String managerEmail = profile.managerChain().isEmpty() ? null : profile.managerChain().get(0).email();
			this.administration.changePerson(employeeId,
					new PersonDetails(profile.person().email(), profile.employeeNumber(), profile.firstName(),
							profile.lastName(), profile.preferredName(), profile.person().jobTitle(), departmentId,
							locationId, managerEmail, profile.phone(), profile.mobile(), profile.timeZone(),
							profile.language(), String.join(";", profile.skills()), profile.startDate(),
							profile.version()));
		});
	}

	private static long named(String name, List<DirectoryOption> options) {
		return options.stream()
			.filter((option) -> option.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not in the directory: " + name))
			.id();
	}

	private long add(Newcomer person) {
		String email = (person.email() != null) ? person.email()
				: person.firstName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "." + RUN + "."
						+ sequence.incrementAndGet() + "@" + person.emailDomain();
		return this.directory.addEmployee(new NewEmployee(email, null, person.firstName(), person.lastName(), null,
				null, person.departmentId(), person.locationId(), person.managerId(), null, null, person.timeZone(),
				person.language(), null, null));
	}

	/**
	 * Someone about to join: where they work, whom they report to, their zone and
	 * language.
	 */
	public record Newcomer(Organisation organisation, String firstName, String lastName, Long departmentId,
			Long locationId, Long managerId, ZoneId timeZone, String language, String emailDomain, String email) {

		public Newcomer in(Long departmentId) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, departmentId, this.locationId,
					this.managerId, this.timeZone, this.language, this.emailDomain, this.email);
		}

		public Newcomer at(Long locationId) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, locationId,
					this.managerId, this.timeZone, this.language, this.emailDomain, this.email);
		}

		public Newcomer reportingTo(Long managerId) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, this.locationId,
					managerId, this.timeZone, this.language, this.emailDomain, this.email);
		}

		public Newcomer livingIn(String timeZone) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, this.locationId,
					this.managerId, ZoneId.of(timeZone), this.language, this.emailDomain, this.email);
		}

		public Newcomer speaking(String language) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, this.locationId,
					this.managerId, this.timeZone, language, this.emailDomain, this.email);
		}

		/**
		 * Their e-mail address ends with this domain (so a test can tell its people by
		 * it).
		 */
		public Newcomer mailedAt(String emailDomain) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, this.locationId,
					this.managerId, this.timeZone, this.language, emailDomain, this.email);
		}

		/**
		 * Their e-mail address, for a test that signs in as them.
		 */
		public Newcomer mailedTo(String email) {
			return new Newcomer(this.organisation, this.firstName, this.lastName, this.departmentId, this.locationId,
					this.managerId, this.timeZone, this.language, this.emailDomain, email);
		}

		/**
		 * Adds them to the directory and returns their id.
		 */
		public long add() {
			return this.organisation.add(this);
		}

		/**
		 * Adds {@code count} of them, the last name followed by " 1", " 2", …, and
		 * returns their ids in that order.
		 */
		public List<Long> add(int count) {
			List<Long> ids = new ArrayList<>();
			for (int n = 1; n <= count; n++) {
				ids.add(this.organisation
					.add(new Newcomer(this.organisation, this.firstName, this.lastName + " " + n, this.departmentId,
							this.locationId, this.managerId, this.timeZone, this.language, this.emailDomain, null)));
			}
			return ids;
		}

	}

}
