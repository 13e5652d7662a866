package io.herald.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo organisation its crisis plans, one per scenario with real people on the
 * response teams, and four support procedures. The data-breach plan is overdue for
 * review; on the severe-weather plan a facilities technician who has left has no deputy,
 * so its contact chain is broken. Runs only while there are no plans (or procedures).
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("herald.demo.enabled")
class DemoCrisis implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCrisis.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoCrisis(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long comms = byEmail("comms@herald.test");
		if (comms == null) {
			log.info("The directory is not the demo organisation; no demo crisis plans are created");
			return;
		}
		People people = new People(comms);
		int plans = 0;
		if (this.jdbc.sql("""
				select count(*) from crisis_plans
				""").query(Long.class).single() == 0) {
			plans = createPlans(people);
		}
		int procedures = 0;
		if (this.jdbc.sql("""
				select count(*) from crisis_procedures
				""").query(Long.class).single() == 0) {
			procedures = createProcedures(people);
		}
		if (plans + procedures > 0) {
			log.info("Created {} demo crisis plans and {} support procedures", plans, procedures);
		}
	}

	private int createPlans(People p) {
		Long warsaw = location("Warsaw");
		Long krakow = location("Kraków");
		List<Plan> plans = new ArrayList<>();
		plans.add(new Plan("Fire and evacuation: Warsaw office", "FIRE_EVACUATION", "CRITICAL", p.facilitiesHead, 180,
				40)
			.seat("LEAD", p.facilitiesHead, p.siteManager("Warsaw"))
			.seat("DEPUTY_LEAD", p.siteManager("Warsaw"), p.security)
			.seat("SPOKESPERSON", p.comms, p.commsHead)
			.seat("HR", p.hr, p.peopleHead)
			.seat("FACILITIES", p.security, p.facilitiesHead)
			.step("Sound the alarm and call the fire brigade (112)", "FACILITIES")
			.step("Send the initial alert to everyone in the building", "SPOKESPERSON")
			.step("Fire wardens sweep each floor and report to the assembly point", "DEPUTY_LEAD")
			.step("Count people at the assembly point against the check-ins", "HR")
			.step("Decide when people may return and send the all clear", "LEAD")
			.location(warsaw)
			.alert("Fire alarm at {location}: leave the building now",
					"The fire alarm went off at {location} at {time}.\n\n- Leave by the nearest exit; do not use the lifts.\n"
							+ "- Go to the assembly point in the car park.\n- Check in below so we know you are safe.")
			.update("Fire at {location}: update at {time}",
					"The fire brigade is on site. Stay at the assembly point until {lead} says otherwise.")
			.allClear("All clear at {location}",
					"The building at {location} is safe again since {time}. You may go back in."));
		plans.add(new Plan("IT outage: core systems", "IT_OUTAGE", "MAJOR", p.engineeringHead, 180, 20)
			.seat("LEAD", p.engineeringHead, p.sre)
			.seat("IT", p.admin, p.sre)
			.seat("SPOKESPERSON", p.comms, p.commsHead)
			.step("Confirm the outage and open an incident channel by phone", "IT")
			.step("Tell everyone which systems are down and what to use instead", "SPOKESPERSON")
			.step("Post an update every hour until systems are back", "SPOKESPERSON")
			.step("Confirm recovery and send the all clear", "LEAD")
			.alert("IT outage: {plan}",
					"Some of our systems have been down since {time}. IT is working on it.\n\n"
							+ "Use your phone for urgent matters; do not restart your computer.")
			.update("IT outage: update at {time}", "IT is still working on the outage. Next update within the hour.")
			.allClear("IT systems are back", "Everything works again since {time}. Thank you for your patience."));
		plans.add(new Plan("Communications outage: e-mail and phones", "COMMUNICATIONS_OUTAGE", "MAJOR", p.commsHead,
				180, 60)
			.seat("LEAD", p.commsHead, p.comms)
			.seat("IT", p.admin, p.sre)
			.seat("SPOKESPERSON", p.comms, p.commsHead)
			.step("Switch announcements to the app only and tell team leads by phone", "SPOKESPERSON")
			.step("Work with the provider to restore e-mail and phones", "IT")
			.step("Send the all clear by every channel", "LEAD")
			.media("IN_APP")
			.alert("E-mail and phones are down",
					"Since {time} e-mail and phones do not work. Herald still does: watch it for updates.")
			.update("E-mail and phones: update at {time}", "The provider is working on it. Next update soon.")
			.allClear("E-mail and phones work again", "E-mail and phones are back since {time}."));
		plans.add(new Plan("Data breach: personal data", "DATA_BREACH", "CRITICAL", p.admin, 365, 400)
			.seat("LEAD", p.engineeringHead, p.admin)
			.seat("IT", p.admin, p.sre)
			.seat("HR", p.peopleHead, p.hr)
			.seat("SPOKESPERSON", p.commsHead, p.comms)
			.step("Contain the breach: revoke access and preserve evidence", "IT")
			.step("Assess whose data is affected", "LEAD")
			.step("Notify the data protection authority within 72 hours", "LEAD")
			.step("Tell affected employees what happened and what to do", "HR")
			.step("Answer media enquiries with the approved statement only", "SPOKESPERSON")
			.alert("Security incident: {plan}",
					"On {date} we found that personal data may have been exposed. Change your password now "
							+ "and report anything unusual to IT.")
			.update("Security incident: update on {date}", "We know more now. {contact} answers your questions.")
			.allClear("Security incident closed", "The incident is closed since {date}. Thank you for your help."));
		plans.add(new Plan("Severe weather: Kraków site", "SEVERE_WEATHER", "MAJOR", p.facilitiesHead, 180, 30)
			.seat("LEAD", p.siteManager("Kraków"), p.facilitiesHead)
			.seat("FACILITIES", p.leaver, null)
			.seat("HR", p.hr, p.peopleHead)
			.step("Check the weather service warnings and decide on closing the site", "LEAD")
			.step("Secure the building: windows, outdoor equipment, generators", "FACILITIES")
			.step("Tell people to work from home or stay inside", "HR")
			.location(krakow)
			.alert("Severe weather warning for {location}",
					"A severe weather warning applies to {location} from {time}. Work from home if you can; "
							+ "if you are on site, stay inside.")
			.update("Severe weather at {location}: update at {time}", "The warning is still in force.")
			.allClear("Weather warning lifted for {location}", "The warning was lifted at {time}."));
		plans.add(new Plan("Pandemic: infectious disease outbreak", "PANDEMIC", "MAJOR", p.peopleHead, 365, 90)
			.seat("LEAD", p.peopleHead, p.hr)
			.seat("HR", p.hr, p.peopleHead)
			.seat("FACILITIES", p.facilitiesHead, p.siteManager("Warsaw"))
			.seat("SPOKESPERSON", p.comms, p.commsHead)
			.step("Follow public health guidance and decide on remote work", "LEAD")
			.step("Increase cleaning and provide hand sanitiser at all sites", "FACILITIES")
			.step("Explain sick leave and remote work arrangements", "HR")
			.alert("Health advice: {plan}",
					"Public health authorities issued advice on {date}. Stay home if you feel unwell and tell "
							+ "your manager.")
			.update("Health advice: update on {date}", "What changed and what stays the same, from {lead}.")
			.allClear("Back to normal working", "Since {date} the special arrangements no longer apply."));
		plans.add(new Plan("Workplace violence: threat on site", "WORKPLACE_VIOLENCE", "CRITICAL", p.facilitiesHead,
				180, 10)
			.seat("LEAD", p.facilitiesHead, p.siteManager("Warsaw"))
			.seat("FACILITIES", p.security, p.siteManager("Warsaw"))
			.seat("HR", p.peopleHead, p.hr)
			.seat("SPOKESPERSON", p.commsHead, p.comms)
			.step("Call the police (112) and lock the entrances", "FACILITIES")
			.step("Tell people at the site to stay where they are, away from doors and windows", "LEAD")
			.step("Offer support to everyone affected", "HR")
			.alert("Security threat at {location}: stay where you are",
					"There is a security threat at {location} since {time}. Stay inside, lock the door, keep "
							+ "away from windows and check in below.")
			.update("Security threat at {location}: update", "The police are on site. Keep following their directions.")
			.allClear("All clear at {location}",
					"The police ended the alert at {time}. Support is available from HR."));
		plans.add(new Plan("Power cut: any office", "OTHER", "MINOR", p.facilitiesHead, 365, 100)
			.seat("LEAD", p.facilitiesHead, p.siteManager("Warsaw"))
			.seat("IT", p.admin, p.sre)
			.step("Check the generator and call the grid operator", "LEAD")
			.step("Shut down servers that are not on backup power", "IT")
			.alert("Power cut at {location}", "The power went out at {location} at {time}. Save your work on battery.")
			.update("Power cut at {location}: update", "The grid operator expects power back soon.")
			.allClear("Power is back at {location}", "Power returned at {time}."));
		for (Plan plan : plans) {
			plan.insert();
		}
		return plans.size();
	}

	private int createProcedures(People p) {
		Timestamp at = Timestamp.from(this.clock.instant().minus(30, ChronoUnit.DAYS));
		procedure("Reporting theft", """
				If something was stolen from you or from the company:

				1. If you are in danger or the thief is still there, call the police (**112**) first.
				2. Tell the security officer at your site, or the site manager, as soon as you can.
				3. Write down what was taken, where and when, and keep any receipts.
				4. Stolen laptop or phone? Tell IT at once so they can lock it remotely.
				""", at, p.security, p.siteManager("Warsaw"));
		procedure("Reporting harassment", """
				Everyone deserves to work without harassment. If it happens to you or you see it:

				- Talk to HR in confidence; you do not need proof to raise a concern.
				- If you prefer, talk to your manager's manager instead.
				- Write down what happened, when, and who was there.

				Reports are handled confidentially and nobody is penalised for raising one in good faith.
				""", at, p.hr, p.peopleHead);
		procedure("Reporting an IT outage", """
				When a system you need is down:

				1. Check the **IT status** channel: the outage may be known already.
				2. If it is not, tell IT with the system's name, what you see and since when.
				3. Urgent and outside office hours? Call the on-call engineer's mobile.
				""", at, p.admin, p.sre);
		procedure("Handling a media enquiry", """
				If a journalist contacts you:

				- Be polite, take their name, outlet, question and deadline.
				- Do not comment, even off the record.
				- Pass it on to Communications straight away; they answer on the company's behalf.
				""", at, p.comms, p.commsHead);
		return 4;
	}

	private void procedure(String title, String body, Timestamp at, Long... contacts) {
		this.jdbc.sql("""
				insert into crisis_procedures (title, body, updated_at) values (:title, :body, :at)
				""").param("title", title).param("body", body).param("at", at).update();
		Long id = this.jdbc.sql("""
				select max(id) from crisis_procedures
				""").query(Long.class).single();
		int order = 1;
		for (Long contact : contacts) {
			if (contact != null) {
				this.jdbc.sql("""
						insert into crisis_procedure_contacts (procedure_id, contact_order, employee_id)
						values (:procedure, :order, :contact)
						""").param("procedure", id).param("order", order++).param("contact", contact).update();
			}
		}
	}

	private Long byEmail(String email) {
		return first(this.jdbc.sql("""
				select id from employees where email = :email
				""").param("email", email));
	}

	private Long location(String name) {
		return first(this.jdbc.sql("""
				select id from locations where name = :name
				""").param("name", name));
	}

	private static Long first(JdbcClient.StatementSpec statement) {
		return statement.query(Long.class).list().stream().findFirst().orElse(null);
	}

	/**
	 * Demo people by what they do, with fallbacks so a plan always has someone.
	 */
	private final class People {

		final Long comms;

		final Long hr;

		final Long admin;

		final Long commsHead;

		final Long peopleHead;

		final Long facilitiesHead;

		final Long engineeringHead;

		final Long security;

		final Long sre;

		final Long leaver;

		People(Long comms) {
			this.comms = comms;
			this.hr = byEmail("hr@herald.test");
			this.admin = byEmail("admin@herald.test");
			this.commsHead = or(byTitle("Head of Communications", null), this.comms);
			this.peopleHead = or(byTitle("Head of People", null), this.hr);
			this.facilitiesHead = or(byTitle("Head of Facilities", null), this.admin);
			this.engineeringHead = or(byTitle("VP Engineering", null), this.admin);
			this.security = or(byTitle("Security Officer", "Warsaw"), siteManager("Warsaw"));
			this.sre = or(byTitle("Site Reliability Engineer", null), this.engineeringHead);
			this.leaver = leaver();
		}

		Long siteManager(String location) {
			return or(byTitle("Site Manager", location), this.facilitiesHead);
		}

		private Long byTitle(String title, String location) {
			return first(DemoCrisis.this.jdbc
				.sql("""
						select e.id from employees e left join locations l on l.id = e.location_id
						where e.active and e.job_title = :title and (cast(:location as varchar) is null or l.name = :location)
						  and e.email not in ('employee@herald.test', 'admin@herald.test', 'hr@herald.test',
						                      'comms@herald.test')
						order by e.id
						""")
				.param("title", title)
				.param("location", location, Types.VARCHAR));
		}

		/**
		 * A facilities technician in Kraków who has left: the severe-weather plan still
		 * names them, which is what the broken-chain flag is for.
		 */
		private Long leaver() {
			Long left = first(DemoCrisis.this.jdbc.sql("""
					select e.id from employees e join departments d on d.id = e.department_id
					left join locations l on l.id = e.location_id
					where d.name = 'Facilities' and e.email like '%@herald.test'
					  and e.email not in ('employee@herald.test', 'admin@herald.test', 'hr@herald.test',
					                      'comms@herald.test')
					  and not exists (select 1 from employees r where r.manager_id = e.id)
					order by case when l.name = 'Kraków' then 0 else 1 end,
					         case when e.job_title = 'Maintenance Technician' then 0 else 1 end, e.id desc
					"""));
			if (left != null) {
				DemoCrisis.this.jdbc.sql("""
						update employees set active = false, updated_at = :now, version = version + 1
						where id = :id and active
						""").param("now", Timestamp.from(DemoCrisis.this.clock.instant())).param("id", left).update();
				DemoCrisis.this.jdbc.sql("""
						update user_accounts set enabled = false where employee_id = :employee
						""").param("employee", left).update();
			}
			return or(left, this.facilitiesHead);
		}

		private static Long or(Long first, Long second) {
			return (first != null) ? first : second;
		}

	}

	private final class Plan {

		private final String title;

		private final String scenario;

		private final String severity;

		private final Long owner;

		private final int interval;

		private final int reviewedDaysAgo;

		private final Map<String, Long[]> team = new LinkedHashMap<>();

		private final List<String[]> steps = new ArrayList<>();

		private final Map<String, String[]> templates = new LinkedHashMap<>();

		private final List<Long> locations = new ArrayList<>();

		private String media = "IN_APP,EMAIL";

		Plan(String title, String scenario, String severity, Long owner, int interval, int reviewedDaysAgo) {
			this.title = title;
			this.scenario = scenario;
			this.severity = severity;
			this.owner = owner;
			this.interval = interval;
			this.reviewedDaysAgo = reviewedDaysAgo;
		}

		Plan seat(String role, Long member, Long deputy) {
			if (member != null) {
				this.team.put(role, new Long[] { member, (deputy != null && !deputy.equals(member)) ? deputy : null });
			}
			return this;
		}

		Plan step(String description, String role) {
			this.steps.add(new String[] { description, role });
			return this;
		}

		Plan location(Long id) {
			if (id != null) {
				this.locations.add(id);
			}
			return this;
		}

		Plan media(String media) {
			this.media = media;
			return this;
		}

		Plan alert(String title, String body) {
			this.templates.put("INITIAL_ALERT", new String[] { title, body });
			return this;
		}

		Plan update(String title, String body) {
			this.templates.put("UPDATE", new String[] { title, body });
			return this;
		}

		Plan allClear(String title, String body) {
			this.templates.put("ALL_CLEAR", new String[] { title, body });
			return this;
		}

		void insert() {
			Instant now = DemoCrisis.this.clock.instant();
			LocalDate reviewed = LocalDate.now(DemoCrisis.this.clock).minusDays(this.reviewedDaysAgo);
			Timestamp created = Timestamp.from(now.minus(this.reviewedDaysAgo, ChronoUnit.DAYS));
			JdbcClient jdbc = DemoCrisis.this.jdbc;
			jdbc.sql("""
					insert into crisis_plans (current_revision, last_reviewed_on, created_at)
					values (1, :reviewed, :created)
					""").param("reviewed", Date.valueOf(reviewed)).param("created", created).update();
			long id = jdbc.sql("select max(id) from crisis_plans").query(Long.class).single();
			jdbc.sql("""
					insert into crisis_plan_revisions (plan_id, revision, title, scenario, severity, owner_id, media,
					    everyone, review_interval_days, changed_by, changed_at, changes)
					values (:plan, 1, :title, :scenario, :severity, :owner, :media, :everyone, :interval, :owner,
					    :created, 'created')
					""")
				.param("plan", id)
				.param("title", this.title)
				.param("scenario", this.scenario)
				.param("severity", this.severity)
				.param("owner", this.owner)
				.param("media", this.media)
				.param("everyone", this.locations.isEmpty())
				.param("interval", this.interval)
				.param("created", created)
				.update();
			this.team.forEach((role, people) -> jdbc.sql("""
					insert into crisis_plan_team (plan_id, revision, team_role, member_id, deputy_id)
					values (:plan, 1, :role, :member, :deputy)
					""")
				.param("plan", id)
				.param("role", role)
				.param("member", people[0])
				.param("deputy", people[1], Types.BIGINT)
				.update());
			for (int i = 0; i < this.steps.size(); i++) {
				jdbc.sql("""
						insert into crisis_plan_steps (plan_id, revision, step_order, description, team_role)
						values (:plan, 1, :order, :description, :role)
						""")
					.param("plan", id)
					.param("order", i + 1)
					.param("description", this.steps.get(i)[0])
					.param("role", this.steps.get(i)[1])
					.update();
			}
			this.templates.forEach((kind, text) -> jdbc.sql("""
					insert into crisis_plan_templates (plan_id, revision, kind, title, body)
					values (:plan, 1, :kind, :title, :body)
					""").param("plan", id).param("kind", kind).param("title", text[0]).param("body", text[1]).update());
			for (Long location : this.locations) {
				jdbc.sql("""
						insert into crisis_plan_scope (plan_id, revision, kind, target_id)
						values (:plan, 1, 'LOCATION', :location)
						""").param("plan", id).param("location", location).update();
			}
		}

	}

}
