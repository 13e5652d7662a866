package io.herald.crisis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.herald.crisis.CheckInLink.State;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.Reachability;
import io.herald.notification.MailActions;
import io.herald.shared.ChangeRefused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * One-click check-in links: every e-mail about an open incident's alert (and about its
 * updates, to whoever has not answered yet) carries "I'm safe" and "I need help" links
 * that work without signing in. Each link is signed for one person and one incident,
 * expires ({@code herald.crisis.check-in-link-validity}, 24 hours by default) and works
 * once; it stops working when the incident is resolved. Opening a link changes nothing
 * (mail scanners open links): the answer is given with one click on its page.
 */
@Service
public class CheckInLinks implements MailActions {

	static final String PATH = "/check-in/";

	private final JdbcClient sql;

	private final CheckInLinkKey key;

	private final Incidents incidents;

	private final EmployeeDirectory directory;

	private final Clock clock;

	private final Duration validity;

	CheckInLinks(JdbcClient sql, CheckInLinkKey key, Incidents incidents, EmployeeDirectory directory, Clock clock,
			CrisisSettings settings) {
		this.sql = sql;
		this.key = key;
		this.incidents = incidents;
		this.directory = directory;
		this.clock = clock;
		this.validity = settings.checkInLinkValidity();
	}

	/**
	 * The check-in answers for an e-mail about an open incident's alert, and for one
	 * about its updates to someone who has not answered yet; nothing for any other post.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<MailAction> actionsFor(long employeeId, long announcementId) {
		List<Long> open = this.sql.sql("""
				select i.id
				from crisis_incidents i
				join deliveries d on d.announcement_id = i.announcement_id and d.employee_id = :employee
				where i.status = 'OPEN'
				  and (i.announcement_id = :post
				       or (exists (select 1 from crisis_incident_events e
				                   where e.incident_id = i.id and e.kind = 'UPDATE' and e.announcement_id = :post)
				           and not exists (select 1 from crisis_check_ins c
				                           where c.incident_id = i.id and c.employee_id = :employee
				                             and c.status <> 'NO_RESPONSE')))
				""").param("employee", employeeId).param("post", announcementId).query(Long.class).list();
		if (open.isEmpty()) {
			return List.of();
		}
		String link = link(open.get(0), employeeId);
		return List.of(new MailAction("crisis.checkIn.safe", link + "?answer=SAFE", true),
				new MailAction("crisis.checkIn.needHelp", link + "?answer=NEED_HELP", false));
	}

	/**
	 * A new link for a person and an incident, as a path on this site.
	 */
	String link(long incidentId, long employeeId) {
		return PATH + CheckInToken.issue(incidentId, employeeId, this.clock.instant().plus(this.validity))
			.sign(this.key.get());
	}

	/**
	 * What a link is, for its page; opening it changes nothing.
	 */
	@Transactional(readOnly = true)
	public CheckInLink open(String token) {
		Optional<CheckInToken> verified = CheckInToken.verify(token, this.key.get());
		if (verified.isEmpty()) {
			return CheckInLink.invalid();
		}
		return view(verified.get(), state(verified.get()));
	}

	/**
	 * Checks in the person the link names, and uses the link up. A link that cannot be
	 * used changes nothing and says why.
	 * @throws io.herald.shared.InvalidChange when the answer is missing or the note too
	 * long; the link stays usable then
	 */
	@Transactional
	public CheckInLink answer(String token, CheckInStatus status, String note) {
		Optional<CheckInToken> verified = CheckInToken.verify(token, this.key.get());
		if (verified.isEmpty()) {
			return CheckInLink.invalid();
		}
		CheckInToken link = verified.get();
		State state = state(link);
		if (state != State.USABLE) {
			return view(link, state);
		}
		// The key makes the link's first use the only one, whatever the races: a
		// second request waits for the first to commit, then inserts nothing.
		int used = this.sql.sql("""
				insert into crisis_check_in_links_used (link_id, incident_id, employee_id, used_at)
				select :link, :incident, :employee, :now
				where not exists (select 1 from crisis_check_in_links_used where link_id = :link)
				on conflict do nothing
				""")
			.param("link", link.id())
			.param("incident", link.incidentId())
			.param("employee", link.employeeId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (used == 0) {
			return view(link, State.USED);
		}
		try {
			this.incidents.checkInByLink(link.incidentId(), link.employeeId(), status, note);
		}
		catch (ChangeRefused refused) {
			// Resolved in the meantime, or "safe" over a call for help: nothing is
			// recorded, the link's use included.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return view(link, Incidents.HELP_ASKED.equals(refused.code()) ? State.HELP_ASKED : State.CLOSED);
		}
		return view(link, State.ANSWERED);
	}

	private State state(CheckInToken link) {
		// A recipient of the alert: on the roster, or a late joiner about to be.
		List<String> incident = this.sql.sql("""
				select i.status
				from crisis_incidents i
				join deliveries d on d.announcement_id = i.announcement_id and d.employee_id = :employee
				where i.id = :incident
				""")
			.param("employee", link.employeeId())
			.param("incident", link.incidentId())
			.query(String.class)
			.list();
		if (incident.isEmpty()) {
			return State.INVALID;
		}
		if (this.sql.sql("select count(*) > 0 from crisis_check_in_links_used where link_id = :link")
			.param("link", link.id())
			.query(Boolean.class)
			.single()) {
			return State.USED;
		}
		if (link.expiredAt(this.clock.instant())) {
			return State.EXPIRED;
		}
		return IncidentStatus.OPEN.name().equals(incident.get(0)) ? State.USABLE : State.CLOSED;
	}

	private CheckInLink view(CheckInToken link, State state) {
		if (state == State.INVALID) {
			return CheckInLink.invalid();
		}
		Answer answer = this.sql.sql("""
				select i.title, i.drill, coalesce(c.status, 'NO_RESPONSE') as status
				from crisis_incidents i
				left join crisis_check_ins c on c.incident_id = i.id and c.employee_id = :employee
				where i.id = :incident
				""")
			.param("employee", link.employeeId())
			.param("incident", link.incidentId())
			.query((rs, n) -> new Answer(rs.getString("title"), rs.getBoolean("drill"),
					CheckInStatus.valueOf(rs.getString("status"))))
			.single();
		Reachability person = this.directory.findReachability(List.of(link.employeeId())).get(link.employeeId());
		return new CheckInLink(state, link.incidentId(), answer.title(), answer.drill(),
				(person != null) ? person.displayName() : "", answer.status());
	}

	private record Answer(String title, boolean drill, CheckInStatus status) {

	}

}
