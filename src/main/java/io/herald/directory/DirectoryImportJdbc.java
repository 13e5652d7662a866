package io.herald.directory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.herald.directory.ImportPlanner.Existing;
import io.herald.directory.ImportPlanner.LocationInfo;
import io.herald.directory.ImportPlanner.Node;
import io.herald.directory.ImportPlanner.Snapshot;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import's database work, set-based: the whole directory in one query, changes in
 * JDBC batches. Hibernate stays out of it: 50,000 managed entities would cost memory and
 * a statement each.
 */
@Repository
class DirectoryImportJdbc {

	private static final int BATCH = 1000;

	// Explicit SQL types, so that nulls bind on every driver without a metadata round
	// trip.
	private static final int TIMESTAMP = Types.TIMESTAMP_WITH_TIMEZONE;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	DirectoryImportJdbc(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = JdbcClient.create(jdbc);
		this.batches = jdbc;
	}

	Snapshot snapshot() {
		Map<Long, String> departments = new HashMap<>();
		this.jdbc.sql("select id, name from departments").query((ResultSet rs) -> {
			departments.put(rs.getLong("id"), rs.getString("name"));
		});
		Map<Long, LocationInfo> locations = new HashMap<>();
		this.jdbc.sql("select id, name, time_zone from locations").query((ResultSet rs) -> {
			locations.put(rs.getLong("id"), new LocationInfo(rs.getString("name"), rs.getString("time_zone")));
		});
		List<Existing> people = new ArrayList<>();
		this.jdbc.sql("""
				select id, version, email, employee_number, first_name, last_name, preferred_name, job_title,
				department_id, location_id, manager_id, phone, mobile, time_zone, language, start_date, active, skills
				from employees""").query((ResultSet rs) -> {
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
		batch("insert into departments (name, created_at) values (:name, :now)", plan.newDepartments(),
				(name) -> new MapSqlParameterSource().addValue("name", name, Types.VARCHAR)
					.addValue("now", at, TIMESTAMP));
		batch("insert into locations (name, time_zone, created_at) values (:name, :timeZone, :now)",
				plan.newLocations(),
				(location) -> new MapSqlParameterSource().addValue("name", location.name(), Types.VARCHAR)
					.addValue("timeZone", location.timeZone(), Types.VARCHAR)
					.addValue("now", at, TIMESTAMP));
		Map<String, Long> departmentIds = ids("select id, name from departments", "name");
		Map<String, Long> locationIds = ids("select id, name from locations", "name");

		// E-mails and employee numbers may move between people in one file; park the
		// moving ones first so that no statement trips over a unique constraint halfway.
		List<Node> moving = plan.updated()
			.stream()
			.filter((node) -> !same(node, ImportColumn.EMAIL) || !same(node, ImportColumn.EMPLOYEE_NUMBER))
			.toList();
		batch("update employees set email = :parked, employee_number = null where id = :id", moving,
				(node) -> new MapSqlParameterSource()
					.addValue("parked", "import-" + node.id + "@moving.invalid", Types.VARCHAR)
					.addValue("id", node.id, Types.BIGINT));

		batch("""
				insert into employees (email, employee_number, first_name, last_name, preferred_name, job_title,
				department_id, location_id, phone, mobile, time_zone, language, start_date, active, skills,
				search_text, created_at, updated_at, version)
				values (:email, :employeeNumber, :firstName, :lastName, :preferredName, :jobTitle,
				:departmentId, :locationId, :phone, :mobile, :timeZone, :language, :startDate, :active, :skills,
				:searchText, :now, :now, 0)""", plan.created(),
				(node) -> fields(node, departmentIds, locationIds).addValue("now", at, TIMESTAMP));
		if (!plan.created().isEmpty()) {
			// One query for all new ids: portable where RETURNING is not (H2).
			Map<String, Long> byEmail = ids("select id, email from employees", "email");
			plan.created().forEach((node) -> node.createdId = byEmail.get(node.get(ImportColumn.EMAIL)));
		}

		int[] counts = batch("""
				update employees set email = :email, employee_number = :employeeNumber, first_name = :firstName,
				last_name = :lastName, preferred_name = :preferredName, job_title = :jobTitle,
				department_id = :departmentId, location_id = :locationId, phone = :phone, mobile = :mobile,
				time_zone = :timeZone, language = :language, start_date = :startDate, active = :active,
				skills = :skills, search_text = :searchText, manager_id = :managerId, updated_at = :now,
				version = version + 1
				where id = :id and version = :version""", plan.updated(),
				(node) -> fields(node, departmentIds, locationIds)
					.addValue("managerId", managerId(node.managerAfter), Types.BIGINT)
					.addValue("now", at, TIMESTAMP)
					.addValue("id", node.id, Types.BIGINT)
					.addValue("version", node.version, Types.BIGINT));
		if (!allWritten(counts)) {
			return false;
		}
		batch("update employees set manager_id = :managerId where id = :id",
				plan.created().stream().filter((node) -> node.managerAfter != null).toList(),
				(node) -> new MapSqlParameterSource().addValue("managerId", managerId(node.managerAfter), Types.BIGINT)
					.addValue("id", node.createdId, Types.BIGINT));
		counts = batch("""
				update employees set active = false, updated_at = :now, version = version + 1
				where id = :id and version = :version and active = true""", plan.deactivated(),
				(node) -> new MapSqlParameterSource().addValue("now", at, TIMESTAMP)
					.addValue("id", node.id, Types.BIGINT)
					.addValue("version", node.version, Types.BIGINT));
		return allWritten(counts);
	}

	/**
	 * Every person in the import format, ordered by id so that exports compare line by
	 * line.
	 */
	void export(Consumer<String[]> rows) {
		this.jdbc.sql("""
				select e.employee_number, e.email, e.first_name, e.last_name, e.preferred_name, e.job_title,
				d.name as department, l.name as location, m.email as manager_email, e.phone, e.mobile, e.time_zone,
				e.language, e.start_date, e.active, e.skills
				from employees e
				left join departments d on d.id = e.department_id
				left join locations l on l.id = e.location_id
				left join employees m on m.id = e.manager_id
				order by e.id""").query((ResultSet rs) -> {
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
		this.jdbc.sql("""
				insert into directory_import_uploads (id, file_name, content, full_sync, uploaded_by, uploaded_at)
				values (:id, :fileName, :content, :fullSync, :uploadedBy, :uploadedAt)""")
			.param("id", id)
			.param("fileName", fileName)
			.param("content", content)
			.param("fullSync", fullSync)
			.param("uploadedBy", uploadedBy)
			.param("uploadedAt", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	record Upload(UUID id, String fileName, byte[] content, boolean fullSync, String uploadedBy) {

	}

	Optional<Upload> findUpload(UUID id) {
		return this.jdbc.sql("""
				select id, file_name, content, full_sync, uploaded_by
				from directory_import_uploads where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Upload(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getBytes("content"), rs.getBoolean("full_sync"), rs.getString("uploaded_by")))
			.optional();
	}

	void deleteUpload(UUID id) {
		this.jdbc.sql("delete from directory_import_uploads where id = :id").param("id", id).update();
	}

	void deleteUploadsBefore(Instant cutoff) {
		this.jdbc.sql("delete from directory_import_uploads where uploaded_at < :cutoff")
			.param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static boolean same(Node node, ImportColumn column) {
		return Objects.equals(node.before[column.ordinal()], node.get(column));
	}

	/**
	 * The columns insert and update share.
	 */
	private static MapSqlParameterSource fields(Node node, Map<String, Long> departmentIds,
			Map<String, Long> locationIds) {
		String department = node.get(ImportColumn.DEPARTMENT);
		String location = node.get(ImportColumn.LOCATION);
		String startDate = node.get(ImportColumn.START_DATE);
		return new MapSqlParameterSource().addValue("email", node.get(ImportColumn.EMAIL), Types.VARCHAR)
			.addValue("employeeNumber", node.get(ImportColumn.EMPLOYEE_NUMBER), Types.VARCHAR)
			.addValue("firstName", node.get(ImportColumn.FIRST_NAME), Types.VARCHAR)
			.addValue("lastName", node.get(ImportColumn.LAST_NAME), Types.VARCHAR)
			.addValue("preferredName", node.get(ImportColumn.PREFERRED_NAME), Types.VARCHAR)
			.addValue("jobTitle", node.get(ImportColumn.JOB_TITLE), Types.VARCHAR)
			.addValue("departmentId", (department != null) ? departmentIds.get(department) : null, Types.BIGINT)
			.addValue("locationId", (location != null) ? locationIds.get(location) : null, Types.BIGINT)
			.addValue("phone", node.get(ImportColumn.PHONE), Types.VARCHAR)
			.addValue("mobile", node.get(ImportColumn.MOBILE), Types.VARCHAR)
			.addValue("timeZone", node.get(ImportColumn.TIME_ZONE), Types.VARCHAR)
			.addValue("language", node.get(ImportColumn.LANGUAGE), Types.VARCHAR)
			.addValue("startDate", (startDate != null) ? Date.valueOf(LocalDate.parse(startDate)) : null, Types.DATE)
			.addValue("active", node.activeAfter(), Types.BOOLEAN)
			.addValue("skills", node.get(ImportColumn.SKILLS), Types.VARCHAR)
			.addValue("searchText",
					SearchText.of(node.get(ImportColumn.FIRST_NAME), node.get(ImportColumn.LAST_NAME),
							node.get(ImportColumn.PREFERRED_NAME), node.get(ImportColumn.EMAIL),
							node.get(ImportColumn.JOB_TITLE), node.get(ImportColumn.SKILLS), department, location),
					Types.VARCHAR);
	}

	private static Long managerId(Node manager) {
		if (manager == null) {
			return null;
		}
		return (manager.id != null) ? manager.id : manager.createdId;
	}

	/**
	 * Ids by a unique column of the statement's rows.
	 */
	private Map<String, Long> ids(String sql, String keyColumn) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql(sql).query((ResultSet rs) -> {
			ids.put(rs.getString(keyColumn), rs.getLong("id"));
		});
		return ids;
	}

	/**
	 * One statement for the items, sent in JDBC batches of {@value #BATCH} rows.
	 */
	private <T> int[] batch(String sql, List<T> items, Function<T, MapSqlParameterSource> row) {
		List<int[]> results = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			SqlParameterSource[] rows = items.subList(from, Math.min(items.size(), from + BATCH))
				.stream()
				.map(row)
				.toArray(SqlParameterSource[]::new);
			results.add(this.batches.batchUpdate(sql, rows));
		}
		return results.stream().flatMapToInt(Arrays::stream).toArray();
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
