package io.herald.crisis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final EmployeeDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	Procedures(NamedParameterJdbcTemplate jdbc, EmployeeDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
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
		return views(this.sql.sql("""
				select id, title, body, updated_at, version from crisis_procedures
				order by lower(title), id
				""").query(Row::of).list());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ProcedureView> find(long id) {
		return views(this.sql.sql("select id, title, body, updated_at, version from crisis_procedures where id = :id")
			.param("id", id)
			.query(Row::of)
			.list()).stream().findFirst();
	}

	/**
	 * @return the new procedure's id
	 * @throws InvalidChange naming each field that needs fixing
	 */
	@ForCommsAndAdmins
	@Transactional
	public long create(ProcedureDraft draft) {
		List<Long> contacts = check(draft);
		Timestamp now = Timestamp.from(this.clock.instant());
		Long by = Callers.current().map((caller) -> caller.employeeId()).orElse(null);
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql.sql("""
				insert into crisis_procedures (title, body, updated_by, updated_at) values (:title, :body, :by, :now)
				""")
			.param("title", draft.title().strip())
			.param("body", draft.body().strip())
			.param("by", by)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertContacts(id, contacts);
		this.audit.record("crisis.procedure.created", "crisis_procedure", id, draft.title().strip());
		return id;
	}

	/**
	 * @throws InvalidChange naming each field that needs fixing, or (no field) when
	 * someone else changed the procedure since it was opened
	 */
	@ForCommsAndAdmins
	@Transactional
	public void change(long id, long version, ProcedureDraft draft) {
		find(id).orElseThrow(() -> new ProcedureNotFound(id));
		List<Long> contacts = check(draft);
		int updated = this.sql.sql("""
				update crisis_procedures
				set title = :title, body = :body, updated_by = :by, updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("title", draft.title().strip())
			.param("body", draft.body().strip())
			.param("by", Callers.current().map((caller) -> caller.employeeId()).orElse(null))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new InvalidChange(null, "procedures.concurrent");
		}
		this.sql.sql("delete from crisis_procedure_contacts where procedure_id = :id").param("id", id).update();
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
		List<SqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			rows.add(new MapSqlParameterSource("procedure", id).addValue("order", i + 1)
				.addValue("employee", contacts.get(i)));
		}
		this.jdbc.batchUpdate("""
				insert into crisis_procedure_contacts (procedure_id, contact_order, employee_id)
				values (:procedure, :order, :employee)
				""", rows.toArray(SqlParameterSource[]::new));
	}

	private List<ProcedureView> views(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> contactIds = new LinkedHashMap<>();
		this.sql.sql("""
				select procedure_id, employee_id from crisis_procedure_contacts
				order by procedure_id, contact_order
				""").query((rs) -> {
			contactIds.computeIfAbsent(rs.getLong("procedure_id"), (k) -> new ArrayList<>())
				.add(rs.getLong("employee_id"));
		});
		Map<Long, Reachability> people = this.directory
			.findReachability(contactIds.values().stream().flatMap(List::stream).toList());
		return rows.stream().map((row) -> {
			List<Person> contacts = contactIds.getOrDefault(row.id(), List.of())
				.stream()
				.map(people::get)
				.filter((r) -> r != null && r.active())
				.map((r) -> new Person(r.id(), r.displayName(), r.email(), r.phone(), r.mobile(), r.active()))
				.toList();
			return new ProcedureView(row.id(), row.title(), row.body(), MarkdownRenderer.toHtml(row.body()), contacts,
					row.updatedAt(), row.version());
		}).toList();
	}

	private record Row(long id, String title, String body, Instant updatedAt, long version) {

		static Row of(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
					rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
		}

	}

}
