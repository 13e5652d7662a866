package io.herald.demo;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.herald.account.AccountService;
import io.herald.shared.Role;
import io.herald.demo.DemoNames.Culture;
import io.herald.demo.DemoNames.Name;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.NewEmployee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo organisation on the first start of demo mode: a chief executive, seven
 * departments with heads, team leads and members spread over five locations, and an
 * account for every person with the demo password. Does nothing when the directory
 * already has people, so restarts keep whatever was changed.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("herald.demo.enabled")
class DemoOrganisation implements ApplicationRunner {

	static final String PASSWORD = "herald-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private static final int TEAM_SIZE = 8;

	private static final List<ZoneId> REMOTE_ZONES = List.of(ZoneId.of("Europe/Lisbon"), ZoneId.of("Europe/Berlin"),
			ZoneId.of("America/New_York"), ZoneId.of("Asia/Singapore"), ZoneId.of("Europe/Dublin"));

	private static final List<Site> SITES = List.of(
			new Site("Warsaw", ZoneId.of("Europe/Warsaw"), Culture.POLISH, "+48 22 ", "+48 601 ", 35, true),
			new Site("Kraków", ZoneId.of("Europe/Warsaw"), Culture.POLISH, "+48 12 ", "+48 512 ", 20, true),
			new Site("Taipei", ZoneId.of("Asia/Taipei"), Culture.TAIWANESE, "+886 2 ", "+886 912 ", 20, true),
			new Site("London", ZoneId.of("Europe/London"), Culture.ENGLISH, "+44 20 ", "+44 7700 ", 15, true),
			new Site("Remote", ZoneId.of("UTC"), Culture.ENGLISH, null, "+44 7911 ", 10, false));

	private static final List<Unit> UNITS = List.of(
			new Unit("Engineering", 95, "Warsaw", "VP Engineering", "Engineering Manager",
					List.of("Software Engineer", "Senior Software Engineer", "QA Engineer", "Site Reliability Engineer",
							"Product Designer", "Data Engineer"),
					false, Set.of()),
			new Unit("Operations", 62, "Kraków", "Director of Operations", "Operations Team Lead",
					List.of("Operations Specialist", "Logistics Coordinator", "Customer Support Specialist",
							"Service Desk Analyst"),
					false, Set.of()),
			new Unit("Sales", 52, "London", "Sales Director", "Regional Sales Manager",
					List.of("Account Executive", "Sales Development Representative", "Customer Success Manager"), false,
					Set.of()),
			new Unit("Facilities", 30, "Warsaw", "Head of Facilities", "Site Manager",
					List.of("Facilities Coordinator", "Maintenance Technician", "Receptionist", "Security Officer"),
					true, Set.of()),
			new Unit("Finance", 25, "Warsaw", "Chief Financial Officer", "Finance Manager",
					List.of("Accountant", "Financial Analyst", "Payroll Specialist"), false, Set.of()),
			new Unit("HR", 20, "Warsaw", "Head of People", "HR Manager",
					List.of("HR Business Partner", "Recruiter", "HR Generalist"), false, Set.of(Role.HR)),
			new Unit("Communications", 15, "London", "Head of Communications", "Communications Lead",
					List.of("Internal Communications Specialist", "Content Editor", "Graphic Designer"), false,
					Set.of(Role.COMMS_MANAGER)));

	/**
	 * The people behind the demo accounts, placed as ordinary members of their teams. The
	 * employee's team lead, their manager, has an account too, like every demo person.
	 */
	static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
			new DemoAccount("employee@herald.test", "Łukasz", "Zieliński", "Software Engineer", "Engineering", "Warsaw",
					Set.of()),
			new DemoAccount("admin@herald.test", "Tomasz", "Wiśniewski", "IT Systems Administrator", "Engineering",
					"Warsaw", Set.of(Role.ADMIN)),
			new DemoAccount("hr@herald.test", "Magdalena", "Kowalczyk", "HR Business Partner", "HR", "Warsaw",
					Set.of(Role.HR)),
			new DemoAccount("comms@herald.test", "Olivia", "Bennett", "Internal Communications Manager",
					"Communications", "London", Set.of(Role.COMMS_MANAGER)));

	private static final Map<String, List<String>> SKILLS = Map.of("Engineering",
			List.of("Java", "Kubernetes", "PostgreSQL", "TypeScript", "Security", "Accessibility"), "Operations",
			List.of("Logistics", "First aid", "Forklift licence", "Customer support"), "Sales",
			List.of("Negotiation", "CRM", "Mandarin", "German"), "Facilities",
			List.of("First aid", "Fire warden", "Electrical safety"), "Finance", List.of("IFRS", "Payroll", "Excel"),
			"HR", List.of("Recruiting", "Labour law", "Coaching"), "Communications",
			List.of("Copywriting", "Crisis communication", "Video"));

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	DemoOrganisation(EmployeeDirectory directory, AccountService accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.directory.isEmpty()) {
			log.info("The directory already has people; the demo organisation is left as it is");
			return;
		}
		Builder builder = new Builder(new Random(20261122L));
		builder.build();
		this.accounts.createAccountsWithSharedPassword(builder.roles, PASSWORD);
		log.info(
				"Created the demo organisation: {} people in {} departments and {} locations; each signs in with "
						+ "their e-mail and the password '{}'",
				builder.roles.size(), UNITS.size(), SITES.size(), PASSWORD);
	}

	private final class Builder {

		private final DemoNames names;

		private final Random random;

		private final Map<Long, Set<Role>> roles = new LinkedHashMap<>();

		private final Map<String, Long> departmentIds = new HashMap<>();

		private final Map<String, Long> locationIds = new HashMap<>();

		private final Set<String> usedEmails = new HashSet<>();

		private final Map<String, Deque<DemoAccount>> reserved = new HashMap<>();

		private int employeeNumber;

		Builder(Random random) {
			this.random = random;
			this.names = new DemoNames(random);
			for (DemoAccount account : DEMO_ACCOUNTS) {
				this.reserved.computeIfAbsent(account.department() + "/" + account.site(), (key) -> new ArrayDeque<>())
					.add(account);
				this.usedEmails.add(account.email());
			}
		}

		void build() {
			UNITS.forEach((unit) -> this.departmentIds.put(unit.name(), directory.createDepartment(unit.name())));
			SITES.forEach(
					(site) -> this.locationIds.put(site.name(), directory.createLocation(site.name(), site.zone())));
			Site warsaw = SITES.get(0);
			long ceo = person(warsaw, "Operations", "Chief Executive Officer", null, Set.of());
			for (Unit unit : UNITS) {
				Site headSite = site(unit.headSite());
				long head = person(headSite, unit.name(), unit.headTitle(), ceo, unit.roles());
				Map<Site, Integer> sizes = split(unit.size() - 1, unit.onSiteOnly());
				sizes.forEach((site, size) -> team(unit, site, size, head));
			}
		}

		private void team(Unit unit, Site site, int size, long head) {
			// Small groups report to the head directly; larger ones get team leads.
			if (size <= 3) {
				for (int i = 0; i < size; i++) {
					member(unit, site, head);
				}
				return;
			}
			int remaining = size;
			while (remaining > 0) {
				int teamSize = Math.min(TEAM_SIZE, remaining);
				long lead = person(site, unit.name(), unit.leadTitle(), head, unit.roles());
				for (int i = 1; i < teamSize; i++) {
					member(unit, site, lead);
				}
				remaining -= teamSize;
			}
		}

		private void member(Unit unit, Site site, long manager) {
			Deque<DemoAccount> queue = this.reserved.get(unit.name() + "/" + site.name());
			if (queue != null && !queue.isEmpty()) {
				DemoAccount account = queue.poll();
				Set<Role> accountRoles = EnumSet.noneOf(Role.class);
				accountRoles.addAll(unit.roles());
				accountRoles.addAll(account.roles());
				add(site, new Name(account.firstName(), account.lastName(), null, "en"), account.email(),
						account.jobTitle(), unit.name(), manager, accountRoles);
				return;
			}
			String title = unit.memberTitles().get(this.random.nextInt(unit.memberTitles().size()));
			person(site, unit.name(), title, manager, unit.roles());
		}

		private long person(Site site, String department, String jobTitle, Long manager, Set<Role> personRoles) {
			Name name = this.names.next(site.culture());
			return add(site, name, uniqueEmail(name.emailLocalPart()), jobTitle, department, manager, personRoles);
		}

		private long add(Site site, Name name, String email, String jobTitle, String department, Long manager,
				Set<Role> personRoles) {
			ZoneId zone = site.onSite() ? site.zone() : REMOTE_ZONES.get(this.random.nextInt(REMOTE_ZONES.size()));
			String phone = (site.landline() != null) ? site.landline() + digits(3) + " " + digits(2) + " " + digits(2)
					: null;
			String mobile = site.mobile() + digits(3) + " " + digits(3);
			if (personRoles.isEmpty() && (this.employeeNumber + 1) % 17 == 0) {
				// A few people never gave a mobile number: the gap a drill report shows.
				mobile = null;
			}
			long id = directory.addEmployee(
					new NewEmployee(email, "HD%04d".formatted(++this.employeeNumber), name.firstName(), name.lastName(),
							null, jobTitle, this.departmentIds.get(department), this.locationIds.get(site.name()),
							manager, phone, mobile, zone, name.language(), skills(department), null));
			this.roles.put(id, personRoles);
			return id;
		}

		private String skills(String department) {
			List<String> pool = SKILLS.getOrDefault(department, List.of());
			if (pool.isEmpty()) {
				return null;
			}
			String first = pool.get(this.random.nextInt(pool.size()));
			String second = pool.get(this.random.nextInt(pool.size()));
			return first.equals(second) ? first : first + ";" + second;
		}

		private String uniqueEmail(String localPart) {
			String email = localPart + "@herald.test";
			for (int n = 2; !this.usedEmails.add(email); n++) {
				email = localPart + n + "@herald.test";
			}
			return email;
		}

		private Map<Site, Integer> split(int people, boolean onSiteOnly) {
			List<Site> sites = new ArrayList<>(SITES.stream().filter((site) -> site.onSite() || !onSiteOnly).toList());
			int totalWeight = sites.stream().mapToInt(Site::weight).sum();
			Map<Site, Integer> sizes = new LinkedHashMap<>();
			int assigned = 0;
			for (Site site : sites) {
				int size = people * site.weight() / totalWeight;
				sizes.put(site, size);
				assigned += size;
			}
			// Rounding leftovers go to the largest site.
			sizes.merge(sites.get(0), people - assigned, Integer::sum);
			return sizes;
		}

		private String digits(int count) {
			StringBuilder digits = new StringBuilder();
			for (int i = 0; i < count; i++) {
				digits.append(this.random.nextInt(10));
			}
			return digits.toString();
		}

		private Site site(String name) {
			return SITES.stream().filter((site) -> site.name().equals(name)).findFirst().orElseThrow();
		}

	}

	private record Site(String name, ZoneId zone, Culture culture, String landline, String mobile, int weight,
			boolean onSite) {

	}

	private record Unit(String name, int size, String headSite, String headTitle, String leadTitle,
			List<String> memberTitles, boolean onSiteOnly, Set<Role> roles) {

	}

	record DemoAccount(String email, String firstName, String lastName, String jobTitle, String department, String site,
			Set<Role> roles) {

		Role mainRole() {
			return this.roles.stream().max(Role::compareTo).orElse(Role.EMPLOYEE);
		}

	}

}
