package io.herald.crisis;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.herald.announcement.MarkdownRenderer;
import io.herald.audit.AuditLog;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.Reachability;
import io.herald.shared.Callers;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support procedures: how and where to report theft, harassment, an outage. Everyone
 * signed in reads them; comms managers and administrators write them.
 */
@Service
public class Procedures {

	private static final int CONTACTS_MAX = 5;

	private final JdbcTemplate jdbc;

	private final EmployeeDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	Procedures(JdbcTemplate jdbc, EmployeeDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every procedure by title, contacts included: three statements in all.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ProcedureView> all() {
		return views("select id, title, body, updated_at, version from crisis_procedures order by lower(title), id");
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ProcedureView> find(long id) {
		return views("select id, title, body, updated_at, version from crisis_procedures where id = ?", id).stream()
			.findFirst();
	}

	/**
	 * @return the new procedure's id
	 * @throws InvalidChange naming each field that needs fixing
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional
	public long create(ProcedureDraft draft) {
		List<Long> contacts = check(draft);
		Timestamp now = Timestamp.from(this.clock.instant());
		Long by = Callers.current().map((caller) -> caller.employeeId()).orElse(null);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"insert into crisis_procedures (title, body, updated_by, updated_at) values (?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, draft.title().strip());
			statement.setString(2, draft.body().strip());
			statement.setObject(3, by);
			statement.setTimestamp(4, now);
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		insertContacts(id, contacts);
		this.audit.record("crisis.procedure.created", "crisis_procedure", id, draft.title().strip());
		return id;
	}

	/**
	 * @throws InvalidChange naming each field that needs fixing, or (no field) when
	 * someone else changed the procedure since it was opened
	 */
	@PreAuthorize(CrisisPlans.EDIT)
	@Transactional
	public void change(long id, long version, ProcedureDraft draft) {
		find(id).orElseThrow(() -> new ProcedureNotFound(id));
		List<Long> contacts = check(draft);
		int updated = this.jdbc.update(
				"update crisis_procedures set title = ?, body = ?, updated_by = ?, updated_at = ?, "
						+ "version = version + 1 where id = ? and version = ?",
				draft.title().strip(), draft.body().strip(),
				Callers.current().map((caller) -> caller.employeeId()).orElse(null),
				Timestamp.from(this.clock.instant()), id, version);
		if (updated == 0) {
			throw new InvalidChange(null, "procedures.concurrent");
		}
		this.jdbc.update("delete from crisis_procedure_contacts where procedure_id = ?", id);
		insertContacts(id, contacts);
		this.audit.record("crisis.procedure.changed", "crisis_procedure", id, draft.title().strip());
	}

	private List<Long> check(ProcedureDraft draft) {
		List<Problem> problems = new ArrayList<>();
		String title = (draft.title() != null) ? draft.title().strip() : "";
		String body = (draft.body() != null) ? draft.body().strip() : "";
		if (title.isEmpty()) {
			problems.add(new Problem("title", "procedures.title.required"));
		}
		else if (title.length() > PlanRules.TITLE_MAX) {
			problems.add(new Problem("title", "procedures.title.tooLong", PlanRules.TITLE_MAX));
		}
		if (body.isEmpty()) {
			problems.add(new Problem("body", "procedures.body.required"));
		}
		else if (body.length() > PlanRules.BODY_MAX) {
			problems.add(new Problem("body", "procedures.body.tooLong", PlanRules.BODY_MAX));
		}
		List<Long> contacts = new ArrayList<>();
		List<String> emails = (draft.contactEmails() != null) ? draft.contactEmails() : List.of();
		for (int i = 0; i < emails.size() && i < CONTACTS_MAX; i++) {
			String email = (emails.get(i) != null) ? emails.get(i).strip() : "";
			if (email.isEmpty()) {
				continue;
			}
			Optional<EmployeeSummary> person = this.directory.findByEmail(email);
			if (person.isEmpty() || !person.get().active()) {
				problems.add(new Problem("contacts[" + i + "]", "procedures.contact.unknown", email));
			}
			else if (contacts.contains(person.get().id())) {
				problems.add(new Problem("contacts[" + i + "]", "procedures.contact.repeated"));
			}
			else {
				contacts.add(person.get().id());
			}
		}
		if (contacts.isEmpty() && problems.stream().noneMatch((p) -> p.field().startsWith("contacts"))) {
			problems.add(new Problem("contacts[0]", "procedures.contact.required"));
		}
		InvalidChange.refuseIfAny(problems);
		return contacts;
	}

	private void insertContacts(long id, List<Long> contacts) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			rows.add(new Object[] { id, i + 1, contacts.get(i) });
		}
		this.jdbc.batchUpdate(
				"insert into crisis_procedure_contacts (procedure_id, contact_order, employee_id) values (?, ?, ?)",
				rows);
	}

	private List<ProcedureView> views(String sql, Object... arguments) {
		List<Object[]> rows = this.jdbc.query(sql, (rs, n) -> new Object[] { rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5) }, arguments);
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> contactIds = new LinkedHashMap<>();
		this.jdbc.query("select procedure_id, employee_id from crisis_procedure_contacts order by procedure_id, "
				+ "contact_order", (rs) -> {
					contactIds.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
				});
		Map<Long, Reachability> people = this.directory
			.findReachability(contactIds.values().stream().flatMap(List::stream).toList());
		return rows.stream().map((row) -> {
			long id = (Long) row[0];
			List<Person> contacts = contactIds.getOrDefault(id, List.of())
				.stream()
				.map(people::get)
				.filter((r) -> r != null && r.active())
				.map((r) -> new Person(r.id(), r.displayName(), r.email(), r.phone(), r.mobile(), r.active()))
				.toList();
			return new ProcedureView(id, (String) row[1], (String) row[2], MarkdownRenderer.toHtml((String) row[2]),
					contacts, (java.time.Instant) row[3], (Long) row[4]);
		}).toList();
	}

}
