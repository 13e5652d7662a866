package io.herald.directory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.herald.directory.ImportPlanner.Existing;
import io.herald.directory.ImportPlanner.LocationInfo;
import io.herald.directory.ImportPlanner.Node;
import io.herald.directory.ImportPlanner.Snapshot;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The import's database work, set-based: the whole directory in one query, changes in
 * JDBC batches. Hibernate stays out of it: 50,000 managed entities would cost memory and
 * a statement each.
 */
@Repository
class DirectoryImportJdbc {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	DirectoryImportJdbc(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Snapshot snapshot() {
		Map<Long, String> departments = new HashMap<>();
		this.jdbc.query("select id, name from departments", (ResultSet rs) -> {
			departments.put(rs.getLong(1), rs.getString(2));
		});
		Map<Long, LocationInfo> locations = new HashMap<>();
		this.jdbc.query("select id, name, time_zone from locations", (ResultSet rs) -> {
			locations.put(rs.getLong(1), new LocationInfo(rs.getString(2), rs.getString(3)));
		});
		List<Existing> people = new ArrayList<>();
		this.jdbc.query("""
				select id, version, email, employee_number, first_name, last_name, preferred_name, job_title,
				department_id, location_id, manager_id, phone, mobile, time_zone, language, start_date, active, skills
				from employees""", (ResultSet rs) -> {
			String[] values = new String[ImportColumn.values().length];
			values[ImportColumn.EMAIL.ordinal()] = rs.getString("email");
			values[ImportColumn.EMPLOYEE_NUMBER.ordinal()] = rs.getString("employee_number");
			values[ImportColumn.FIRST_NAME.ordinal()] = rs.getString("first_name");
			values[ImportColumn.LAST_NAME.ordinal()] = rs.getString("last_name");
			values[ImportColumn.PREFERRED_NAME.ordinal()] = rs.getString("preferred_name");
			values[ImportColumn.JOB_TITLE.ordinal()] = rs.getString("job_title");
			long departmentId = rs.getLong("department_id");
			values[ImportColumn.DEPARTMENT.ordinal()] = rs.wasNull() ? null : departments.get(departmentId);
			long locationId = rs.getLong("location_id");
			values[ImportColumn.LOCATION.ordinal()] = rs.wasNull() ? null : locations.get(locationId).name();
			values[ImportColumn.PHONE.ordinal()] = rs.getString("phone");
			values[ImportColumn.MOBILE.ordinal()] = rs.getString("mobile");
			values[ImportColumn.TIME_ZONE.ordinal()] = rs.getString("time_zone");
			values[ImportColumn.LANGUAGE.ordinal()] = rs.getString("language");
			Date startDate = rs.getDate("start_date");
			values[ImportColumn.START_DATE.ordinal()] = (startDate != null) ? startDate.toLocalDate().toString() : null;
			values[ImportColumn.ACTIVE.ordinal()] = Boolean.toString(rs.getBoolean("active"));
			values[ImportColumn.SKILLS.ordinal()] = rs.getString("skills");
			long managerId = rs.getLong("manager_id");
			Long manager = rs.wasNull() ? null : managerId;
			people.add(new Existing(rs.getLong("id"), rs.getLong("version"), values, manager));
		});
		return new Snapshot(people, departments, locations);
	}

	/**
	 * Writes a plan. Returns false, having written part of it, when someone changed one
	 * of the people since the snapshot: the caller must roll back.
	 */
	boolean write(ImportPlanner.Plan plan, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		batch("insert into departments (name, created_at) values (?, ?)", plan.newDepartments(),
				(name) -> new Object[] { name, at }, Types.VARCHAR, TIMESTAMP);
		batch("insert into locations (name, time_zone, created_at) values (?, ?, ?)", plan.newLocations(),
				(location) -> new Object[] { location.name(), location.timeZone(), at }, Types.VARCHAR, Types.VARCHAR,
				TIMESTAMP);
		Map<String, Long> departmentIds = ids("select id, name from departments");
		Map<String, Long> locationIds = ids("select id, name from locations");

		// E-mails and employee numbers may move between people in one file; park the
		// moving ones first so that no statement trips over a unique constraint halfway.
		List<Node> moving = plan.updated()
			.stream()
			.filter((node) -> !same(node, ImportColumn.EMAIL) || !same(node, ImportColumn.EMPLOYEE_NUMBER))
			.toList();
		batch("update employees set email = ?, employee_number = null where id = ?", moving,
				(node) -> new Object[] { "import-" + node.id + "@moving.invalid", node.id }, Types.VARCHAR,
				Types.BIGINT);

		batch("""
				insert into employees (email, employee_number, first_name, last_name, preferred_name, job_title,
				department_id, location_id, phone, mobile, time_zone, language, start_date, active, skills,
				search_text, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", plan.created(), (node) -> {
			Object[] fields = fields(node, departmentIds, locationIds);
			Object[] row = java.util.Arrays.copyOf(fields, fields.length + 2);
			row[fields.length] = at;
			row[fields.length + 1] = at;
			return row;
		}, types(FIELD_TYPES, TIMESTAMP, TIMESTAMP));
		if (!plan.created().isEmpty()) {
			// One query for all new ids: portable where RETURNING is not (H2).
			Map<String, Long> byEmail = ids("select id, email from employees");
			plan.created().forEach((node) -> node.createdId = byEmail.get(node.get(ImportColumn.EMAIL)));
		}

		int[] counts = batch("""
				update employees set email = ?, employee_number = ?, first_name = ?, last_name = ?, preferred_name = ?,
				job_title = ?, department_id = ?, location_id = ?, phone = ?, mobile = ?, time_zone = ?, language = ?,
				start_date = ?, active = ?, skills = ?, search_text = ?, manager_id = ?, updated_at = ?,
				version = version + 1
				where id = ? and version = ?""", plan.updated(), (node) -> {
			Object[] fields = fields(node, departmentIds, locationIds);
			Object[] row = java.util.Arrays.copyOf(fields, fields.length + 4);
			row[fields.length] = managerId(node.managerAfter);
			row[fields.length + 1] = at;
			row[fields.length + 2] = node.id;
			row[fields.length + 3] = node.version;
			return row;
		}, types(FIELD_TYPES, Types.BIGINT, TIMESTAMP, Types.BIGINT, Types.BIGINT));
		if (!allWritten(counts)) {
			return false;
		}
		batch("update employees set manager_id = ? where id = ?",
				plan.created().stream().filter((node) -> node.managerAfter != null).toList(),
				(node) -> new Object[] { managerId(node.managerAfter), node.createdId }, Types.BIGINT, Types.BIGINT);
		counts = batch(
				"update employees set active = false, updated_at = ?, version = version + 1 "
						+ "where id = ? and version = ? and active = true",
				plan.deactivated(), (node) -> new Object[] { at, node.id, node.version }, TIMESTAMP, Types.BIGINT,
				Types.BIGINT);
		return allWritten(counts);
	}

	/**
	 * Every person in the import format, ordered by id so that exports compare line by
	 * line.
	 */
	void export(java.util.function.Consumer<String[]> rows) {
		this.jdbc.query("""
				select e.employee_number, e.email, e.first_name, e.last_name, e.preferred_name, e.job_title,
				d.name as department, l.name as location, m.email as manager_email, e.phone, e.mobile, e.time_zone,
				e.language, e.start_date, e.active, e.skills
				from employees e
				left join departments d on d.id = e.department_id
				left join locations l on l.id = e.location_id
				left join employees m on m.id = e.manager_id
				order by e.id""", (ResultSet rs) -> {
			String[] values = new String[ImportColumn.values().length];
			for (ImportColumn column : ImportColumn.values()) {
				values[column.ordinal()] = switch (column) {
					case START_DATE -> {
						Date date = rs.getDate("start_date");
						yield (date != null) ? date.toLocalDate().toString() : null;
					}
					case ACTIVE -> Boolean.toString(rs.getBoolean("active"));
					default -> rs.getString(column.header());
				};
			}
			rows.accept(values);
		});
	}

	void saveUpload(UUID id, String fileName, byte[] content, boolean fullSync, String uploadedBy, Instant now) {
		this.jdbc.update("""
				insert into directory_import_uploads (id, file_name, content, full_sync, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?)""", id, fileName, content, fullSync, uploadedBy,
				now.atOffset(ZoneOffset.UTC));
	}

	record Upload(UUID id, String fileName, byte[] content, boolean fullSync, String uploadedBy) {

	}

	Optional<Upload> findUpload(UUID id) {
		return this.jdbc
			.query("select id, file_name, content, full_sync, uploaded_by from directory_import_uploads where id = ?",
					(rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3),
							rs.getBoolean(4), rs.getString(5)),
					id)
			.stream()
			.findFirst();
	}

	void deleteUpload(UUID id) {
		this.jdbc.update("delete from directory_import_uploads where id = ?", id);
	}

	void deleteUploadsBefore(Instant cutoff) {
		this.jdbc.update("delete from directory_import_uploads where uploaded_at < ?", cutoff.atOffset(ZoneOffset.UTC));
	}

	private static boolean same(Node node, ImportColumn column) {
		return java.util.Objects.equals(node.before[column.ordinal()], node.get(column));
	}

	private static final int[] FIELD_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.DATE, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR };

	private static final int TIMESTAMP = Types.TIMESTAMP_WITH_TIMEZONE;

	/**
	 * The columns insert and update share, in their order in both statements.
	 */
	private static Object[] fields(Node node, Map<String, Long> departmentIds, Map<String, Long> locationIds) {
		String department = node.get(ImportColumn.DEPARTMENT);
		String location = node.get(ImportColumn.LOCATION);
		String startDate = node.get(ImportColumn.START_DATE);
		return new Object[] { node.get(ImportColumn.EMAIL), node.get(ImportColumn.EMPLOYEE_NUMBER),
				node.get(ImportColumn.FIRST_NAME), node.get(ImportColumn.LAST_NAME),
				node.get(ImportColumn.PREFERRED_NAME), node.get(ImportColumn.JOB_TITLE),
				(department != null) ? departmentIds.get(department) : null,
				(location != null) ? locationIds.get(location) : null, node.get(ImportColumn.PHONE),
				node.get(ImportColumn.MOBILE), node.get(ImportColumn.TIME_ZONE), node.get(ImportColumn.LANGUAGE),
				(startDate != null) ? Date.valueOf(LocalDate.parse(startDate)) : null, node.activeAfter(),
				node.get(ImportColumn.SKILLS),
				SearchText.of(node.get(ImportColumn.FIRST_NAME), node.get(ImportColumn.LAST_NAME),
						node.get(ImportColumn.PREFERRED_NAME), node.get(ImportColumn.EMAIL),
						node.get(ImportColumn.JOB_TITLE), node.get(ImportColumn.SKILLS), department, location) };
	}

	private static Long managerId(Node manager) {
		if (manager == null) {
			return null;
		}
		return (manager.id != null) ? manager.id : manager.createdId;
	}

	private Map<String, Long> ids(String sql) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query(sql, (ResultSet rs) -> {
			ids.put(rs.getString(2), rs.getLong(1));
		});
		return ids;
	}

	private <T> int[] batch(String sql, List<T> items, java.util.function.Function<T, Object[]> row, int... types) {
		List<int[]> results = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			List<Object[]> args = items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(row).toList();
			results.add(this.jdbc.batchUpdate(sql, args, types));
		}
		return results.stream().flatMapToInt(java.util.Arrays::stream).toArray();
	}

	// Explicit SQL types, so that nulls bind on every driver without a metadata round
	// trip.
	private static int[] types(int[] first, int... more) {
		int[] types = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, types, first.length, more.length);
		return types;
	}

	private static boolean allWritten(int[] counts) {
		for (int count : counts) {
			if (count == 0) {
				return false;
			}
		}
		return true;
	}

}
