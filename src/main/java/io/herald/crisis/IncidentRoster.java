package io.herald.crisis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.crisis.IncidentView.AfterAction;
import io.herald.crisis.IncidentView.LocationCount;
import io.herald.crisis.IncidentView.RosterPerson;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.Reachability;
import io.herald.shared.ForCommsHrAndAdmins;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the crisis pages read of incidents: the list of recent ones and an incident's live
 * roster, counted from the check-in rows on every call, so every app instance shows the
 * same figures.
 */
@Service
public class IncidentRoster {

	private static final int LIST_LIMIT = 200;

	private final JdbcClient sql;

	private final StoredIncidents stored;

	private final EmployeeDirectory directory;

	IncidentRoster(JdbcClient sql, StoredIncidents stored, EmployeeDirectory directory) {
		this.sql = sql;
		this.stored = stored;
		this.directory = directory;
	}

	/**
	 * The last 50 real incidents and the last 50 drills (drills keep a history of their
	 * own), open ones first, then the most recent.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public List<IncidentSummary> incidents() {
		List<IncidentSummary> all = new ArrayList<>(summaries(false));
		all.addAll(summaries(true));
		return all;
	}

	private List<IncidentSummary> summaries(boolean drill) {
		return this.sql.sql("""
				select i.id, i.title, i.drill, i.status, i.opened_at, i.resolved_at, i.recipients,
				       (select count(*) from crisis_check_ins c
				        where c.incident_id = i.id and c.status <> 'NO_RESPONSE') as answered
				from crisis_incidents i
				where i.drill = :drill
				order by case when i.status = 'OPEN' then 0 else 1 end, i.opened_at desc, i.id desc
				limit 50
				""")
			.param("drill", drill)
			.query((rs, n) -> new IncidentSummary(rs.getLong("id"), rs.getString("title"), rs.getBoolean("drill"),
					IncidentStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
					instant(rs.getTimestamp("resolved_at")), rs.getInt("recipients"), rs.getLong("answered")))
			.list();
	}

	/**
	 * The live roster: counts read from the check-in rows on every call.
	 */
	@ForCommsHrAndAdmins
	@Transactional(readOnly = true)
	public IncidentView find(long incidentId) {
		StoredIncident incident = this.stored.get(incidentId);
		Map<Long, String> locationNames = names(this.directory.locationOptions());
		Map<Long, String> departmentNames = names(this.directory.departmentOptions());
		Map<Long, long[]> byLocation = new LinkedHashMap<>();
		long[] totals = new long[3];
		this.sql.sql("""
				select location_id, status, count(*) as people from crisis_check_ins
				where incident_id = :incident
				group by location_id, status
				""").param("incident", incidentId).query((rs) -> {
			Long location = rs.getObject("location_id", Long.class);
			int slot = CheckInStatus.valueOf(rs.getString("status")).ordinal();
			long count = rs.getLong("people");
			byLocation.computeIfAbsent(location, (l) -> new long[3])[slot] += count;
			totals[slot] += count;
		});
		List<LocationCount> locations = byLocation.entrySet().stream().map((entry) -> {
			long[] c = entry.getValue();
			return new LocationCount(locationNames.get(entry.getKey()), c[0] + c[1] + c[2], c[0], c[1], c[2]);
		})
			.sorted((a, b) -> Objects.toString(a.location(), "\uffff")
				.compareToIgnoreCase(Objects.toString(b.location(), "\uffff")))
			.toList();
		List<RosterRow> needHelp = latest(incidentId, CheckInStatus.NEED_HELP, LIST_LIMIT);
		List<RosterRow> silent = silent(incidentId, LIST_LIMIT);
		List<RosterRow> safe = latest(incidentId, CheckInStatus.SAFE, 20);
		Set<Long> people = new HashSet<>();
		for (List<RosterRow> list : List.of(needHelp, silent, safe)) {
			list.forEach((row) -> people.add(row.employeeId()));
		}
		people.add(incident.openedBy());
		if (incident.resolvedBy() != null) {
			people.add(incident.resolvedBy());
		}
		Map<Long, Reachability> reach = this.directory.findReachability(people);
		Map<Long, EmployeeSummary> summaries = this.directory.findSummaries(people);
		Map<Long, String> managers = this.directory.displayNames(summaries.values()
			.stream()
			.map(EmployeeSummary::managerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		AfterAction afterAction = null;
		if (incident.resolvedAt() != null) {
			List<Instant> answers = this.sql.sql("""
					select first_answered_at from crisis_check_ins
					where incident_id = :incident and first_answered_at is not null
					order by first_answered_at
					""")
				.param("incident", incidentId)
				.query((rs, n) -> rs.getTimestamp("first_answered_at").toInstant())
				.list();
			afterAction = afterAction(incident.openedAt(), answers, incident.recipients(), totals[1]);
		}
		return new IncidentView(incidentId, incident.planId(), incident.title(), incident.drill(), incident.status(),
				name(reach, incident.openedBy()), incident.openedAt(),
				(incident.resolvedBy() != null) ? name(reach, incident.resolvedBy()) : null, incident.resolvedAt(),
				incident.announcementId(), sortedNames(incident.scope().locationIds(), locationNames),
				sortedNames(incident.scope().departmentIds(), departmentNames), incident.recipients(), totals[0],
				totals[1], totals[2], locations, people(needHelp, reach, summaries, managers, locationNames),
				people(silent, reach, summaries, managers, locationNames), Math.max(0, totals[2] - silent.size()),
				people(safe, reach, summaries, managers, locationNames), afterAction);
	}

	/**
	 * How long until half, 90 % and all of the recipients had first answered.
	 */
	static AfterAction afterAction(Instant openedAt, List<Instant> firstAnswers, int recipients, long needHelp) {
		return new AfterAction(mark(openedAt, firstAnswers, recipients, 50),
				mark(openedAt, firstAnswers, recipients, 90), mark(openedAt, firstAnswers, recipients, 100), needHelp);
	}

	private static Duration mark(Instant openedAt, List<Instant> sorted, int recipients, int percent) {
		if (recipients == 0) {
			return null;
		}
		int needed = (int) Math.ceil(recipients * percent / 100.0);
		if (needed == 0 || sorted.size() < needed) {
			return null;
		}
		return Duration.between(openedAt, sorted.get(needed - 1));
	}

	// Who answered this way, the latest answers first.
	private List<RosterRow> latest(long incidentId, CheckInStatus status, int limit) {
		return this.sql.sql("""
				select employee_id, location_id, note, answered_at from crisis_check_ins
				where incident_id = :incident and status = :status
				order by answered_at desc
				limit :limit
				""")
			.param("incident", incidentId)
			.param("status", status.name())
			.param("limit", limit)
			.query(RosterRow::of)
			.list();
	}

	// Who has not answered yet, in a stable order.
	private List<RosterRow> silent(long incidentId, int limit) {
		return this.sql.sql("""
				select employee_id, location_id, note, answered_at from crisis_check_ins
				where incident_id = :incident and status = 'NO_RESPONSE'
				order by employee_id
				limit :limit
				""").param("incident", incidentId).param("limit", limit).query(RosterRow::of).list();
	}

	private static List<RosterPerson> people(List<RosterRow> rows, Map<Long, Reachability> reach,
			Map<Long, EmployeeSummary> summaries, Map<Long, String> managers, Map<Long, String> locations) {
		return rows.stream().map((row) -> {
			Reachability r = reach.get(row.employeeId());
			EmployeeSummary summary = summaries.get(row.employeeId());
			Long manager = (summary != null) ? summary.managerId() : null;
			return new RosterPerson(row.employeeId(), name(reach, row.employeeId()),
					(row.locationId() != null) ? locations.get(row.locationId()) : null, (r != null) ? r.phone() : null,
					(r != null) ? r.mobile() : null, (manager != null) ? managers.get(manager) : null, row.note(),
					row.answeredAt());
		}).toList();
	}

	private static String name(Map<Long, Reachability> reach, long id) {
		Reachability r = reach.get(id);
		return (r != null) ? r.displayName() : "";
	}

	private static List<String> sortedNames(Set<Long> ids, Map<Long, String> names) {
		return ids.stream().map(names::get).filter(Objects::nonNull).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	private static Map<Long, String> names(List<DirectoryOption> options) {
		return options.stream().collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record RosterRow(long employeeId, Long locationId, String note, Instant answeredAt) {

		static RosterRow of(ResultSet rs, int row) throws SQLException {
			return new RosterRow(rs.getLong("employee_id"), rs.getObject("location_id", Long.class),
					rs.getString("note"), instant(rs.getTimestamp("answered_at")));
		}

	}

}
