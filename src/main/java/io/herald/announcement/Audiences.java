package io.herald.announcement;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.channel.Channels;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many people a targeting not saved yet would reach if published now, by the rule of
 * {@link AudienceSql}: for the desk's preview, for refusing a post to nobody, and for
 * crisis alerts.
 */
@Component
class Audiences {

	private final JdbcClient jdbc;

	private final Channels channels;

	private final EmployeeDirectory directory;

	Audiences(JdbcClient jdbc, Channels channels, EmployeeDirectory directory) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.directory = directory;
	}

	/**
	 * Whom a targeting on a channel the caller may post to would reach, by department and
	 * location; nobody on any other channel.
	 */
	AudiencePreview preview(long channelId, Collection<Long> departmentIds, Collection<Long> locationIds) {
		if (!this.channels.callerMayPost(channelId)) {
			return new AudiencePreview(0, List.of(), List.of());
		}
		List<Cell> rows = this.jdbc
			.sql("""
					select e.department_id, e.location_id, count(*) as people
					from employees e cross join channels c
					where c.id = :channel and %s
					group by e.department_id, e.location_id"""
				.formatted(AudienceSql.ofTargeting(!departmentIds.isEmpty(), !locationIds.isEmpty())))
			.param("channel", channelId)
			.params(narrowing(departmentIds, locationIds))
			.query((rs, n) -> new Cell(rs.getObject("department_id", Long.class),
					rs.getObject("location_id", Long.class), rs.getLong("people")))
			.list();
		Map<Long, String> departmentNames = options(this.directory.departmentOptions());
		Map<Long, String> locationNames = options(this.directory.locationOptions());
		Map<String, Long> byDepartment = new LinkedHashMap<>();
		Map<String, Long> byLocation = new LinkedHashMap<>();
		long total = 0;
		for (Cell row : rows) {
			total += row.people();
			byDepartment.merge(Objects.toString(departmentNames.get(row.departmentId()), ""), row.people(), Long::sum);
			byLocation.merge(Objects.toString(locationNames.get(row.locationId()), ""), row.people(), Long::sum);
		}
		return new AudiencePreview(total, groups(byDepartment), groups(byLocation));
	}

	/**
	 * How many people a post on the channel {@code slug} would reach; a channel that does
	 * not exist yet counts as company-wide (it is created so).
	 */
	long ofSystemChannel(String slug, Set<Long> departmentIds, Set<Long> locationIds) {
		Long count = this.jdbc
			.sql("""
					select count(*)
					from employees e cross join (
					    select c.id, c.kind, c.department_id, c.location_id, c.mandatory from channels c where c.slug = :slug
					    union all
					    select null, 'COMPANY', null, null, false where not exists (select 1 from channels s where s.slug = :slug)) c
					where %s"""
				.formatted(AudienceSql.ofTargeting(!departmentIds.isEmpty(), !locationIds.isEmpty())))
			.param("slug", slug)
			.params(narrowing(departmentIds, locationIds))
			.query(Long.class)
			.single();
		return (count != null) ? count : 0;
	}

	/**
	 * The array parameters of {@link AudienceSql#ofTargeting}: the narrowing that is
	 * given.
	 */
	private static Map<String, Object> narrowing(Collection<Long> departmentIds, Collection<Long> locationIds) {
		Map<String, Object> parameters = new HashMap<>();
		if (!departmentIds.isEmpty()) {
			parameters.put("departments", departmentIds.toArray(Long[]::new));
		}
		if (!locationIds.isEmpty()) {
			parameters.put("locations", locationIds.toArray(Long[]::new));
		}
		return parameters;
	}

	private static Map<Long, String> options(List<DirectoryOption> options) {
		return options.stream().collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
	}

	private static List<AudiencePreview.Group> groups(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> new AudiencePreview.Group(entry.getKey().isEmpty() ? null : entry.getKey(),
					entry.getValue()))
			.toList();
	}

	// People of one department and location an audience reaches.
	private record Cell(Long departmentId, Long locationId, long people) {

	}

}
