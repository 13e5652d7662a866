package io.herald.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.herald.shared.ForAdmins;
import io.herald.shared.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log, for administrators: filtered pages newest first, their targets
 * named by the modules that own them, and the same selection as CSV.
 */
@Service
@ForAdmins
public class AuditTrail {

	/** The most lines one CSV export holds; narrow the filter for older ones. */
	public static final int CSV_LIMIT = 100_000;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	// ENTRIES and COUNT select the same entries: keep their conditions alike.
	private static final String ENTRIES = """
			select a.id, a.occurred_at, a.actor_id, a.actor_email, a.action, a.target_type, a.target_id, a.details
			from audit_entries a
			where (cast(:prefix as varchar(64)) is null or a.action like :prefix escape '\\')
			  and (cast(:actor as varchar(254)) is null or lower(a.actor_email) like :actor escape '\\')
			  and (cast(:since as timestamp with time zone) is null or a.occurred_at >= :since)
			  and (cast(:until as timestamp with time zone) is null or a.occurred_at < :until)
			order by a.occurred_at desc, a.id desc
			limit :limit offset :offset
			""";

	private static final String COUNT = """
			select count(*)
			from audit_entries a
			where (cast(:prefix as varchar(64)) is null or a.action like :prefix escape '\\')
			  and (cast(:actor as varchar(254)) is null or lower(a.actor_email) like :actor escape '\\')
			  and (cast(:since as timestamp with time zone) is null or a.occurred_at >= :since)
			  and (cast(:until as timestamp with time zone) is null or a.occurred_at < :until)
			""";

	private final JdbcClient jdbc;

	private final ObjectProvider<AuditTargets> targets;

	AuditTrail(JdbcClient jdbc, ObjectProvider<AuditTargets> targets) {
		this.jdbc = jdbc;
		this.targets = targets;
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> entries(AuditQuery query, Pageable pageable) {
		long total = bind(this.jdbc.sql(COUNT), query).query(Long.class).single();
		List<AuditRecord> entries = (pageable.getOffset() < total)
				? bind(this.jdbc.sql(ENTRIES), query).param("limit", pageable.getPageSize())
					.param("offset", pageable.getOffset())
					.query(AuditTrail::record)
					.list()
				: List.of();
		return new PageImpl<>(entries, pageable, total);
	}

	/**
	 * The targets of these entries that still exist, by type and id, named by the modules
	 * that own them; one question per type.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<Long, AuditTarget>> targetsOf(List<AuditRecord> entries) {
		Map<String, Set<Long>> ids = entries.stream()
			.filter((entry) -> entry.targetType() != null && entry.targetId() != null)
			.collect(Collectors.groupingBy(AuditRecord::targetType, LinkedHashMap::new,
					Collectors.mapping(AuditRecord::targetId, Collectors.toSet())));
		Map<String, Map<Long, AuditTarget>> named = new HashMap<>();
		this.targets.orderedStream()
			.filter((provider) -> ids.containsKey(provider.targetType()))
			.forEach((provider) -> {
				named.put(provider.targetType(), Map.copyOf(provider.describe(ids.get(provider.targetType()))));
			});
		return named;
	}

	/**
	 * The entries the query selects, newest first, at most {@value #CSV_LIMIT}, as CSV:
	 * UTF-8 with a BOM, CRLF line ends, times in ISO-8601 UTC, formula-like cells made
	 * inert. {@code describe} words an action for people.
	 */
	@Transactional(readOnly = true)
	public byte[] csv(AuditQuery query, Function<String, String> describe, List<String> header) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		bytes.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSV)) {
			printer.printRecord(header.stream().map(SpreadsheetCells::neutralise).toList());
			bind(this.jdbc.sql(ENTRIES), query).param("limit", CSV_LIMIT).param("offset", 0).query((rs) -> {
				AuditRecord entry = record(rs, 0);
				try {
					printer.printRecord(DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()),
							SpreadsheetCells.neutralise(entry.actorEmail()),
							SpreadsheetCells.neutralise(entry.action()),
							SpreadsheetCells.neutralise(describe.apply(entry.action())),
							SpreadsheetCells.neutralise(entry.targetType()),
							(entry.targetId() != null) ? entry.targetId().toString() : "",
							SpreadsheetCells.neutralise(entry.details()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditQuery query) {
		return statement.param("prefix", like(query.actionPrefix(), false))
			.param("actor", like(query.actor(), true))
			.param("since",
					(query.from() != null) ? Timestamp.from(query.from().atStartOfDay(query.zone()).toInstant()) : null)
			.param("until", (query.to() != null)
					? Timestamp.from(query.to().plusDays(1).atStartOfDay(query.zone()).toInstant()) : null);
	}

	/**
	 * A LIKE pattern for text the person typed, its wildcards taken literally: starting
	 * with it, or containing it.
	 */
	private static String like(String text, boolean contains) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String literal = text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return (contains ? "%" : "") + literal + "%";
	}

	private static AuditRecord record(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("occurred_at");
		return new AuditRecord(rs.getLong("id"), (at != null) ? at.toInstant() : Instant.EPOCH,
				rs.getObject("actor_id", Long.class), rs.getString("actor_email"), rs.getString("action"),
				rs.getString("target_type"), rs.getObject("target_id", Long.class), rs.getString("details"));
	}

}
