package io.herald.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.herald.directory.Contact;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.ForAdmins;
import io.herald.shared.Text;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the e-mail outbox, for administrators: filtered pages for the outbox page and
 * the API, totals per status, and one e-mail as its recipient reads it.
 */
@Service
@ForAdmins
public class OutboxQueries {

	public static final int PAGE_SIZE = 100;

	// Every filter is optional: a part that is null matches everything. Newest first, by
	// id, which grows with created_at and is unique, so it doubles as the API's cursor.
	private static final String ENTRIES = """
			select o.id, o.employee_id, o.kind, o.subject, o.critical, o.status, o.attempts, o.last_error,
			       o.created_at, o.next_attempt_at, o.sent_at
			from outbox_messages o
			where (cast(:status as varchar(16)) is null or o.status = :status)
			  and (cast(:kind as varchar(32)) is null or o.kind = :kind)
			  and (cast(:recipient as varchar(4000)) is null or o.employee_id in (
			        select e.id from employees e
			        where e.search_text like :recipient escape '\\' or lower(e.email) like :recipient escape '\\'))
			  and (cast(:before as bigint) is null or o.id < :before)
			order by o.id desc
			limit :limit offset :offset
			""";

	// The same filter as ENTRIES'.
	private static final String BY_STATUS = """
			select o.status, count(*) as total
			from outbox_messages o
			where (cast(:status as varchar(16)) is null or o.status = :status)
			  and (cast(:kind as varchar(32)) is null or o.kind = :kind)
			  and (cast(:recipient as varchar(4000)) is null or o.employee_id in (
			        select e.id from employees e
			        where e.search_text like :recipient escape '\\' or lower(e.email) like :recipient escape '\\'))
			group by o.status
			""";

	private static final String ONE = """
			select id, idempotency_key, employee_id, kind, announcement_id, subject, detail, link, critical,
			       status, attempts, last_error, created_at, next_attempt_at, sent_at, covers_from
			from outbox_messages where id = :id
			""";

	// What a rendered e-mail may keep inside a page: structure, text and links; no
	// styles (the page's CSP refuses them anyway), images, forms or scripts.
	// The e-mail's own headings sit under the page's "As formatted e-mail": one level
	// below it, so the page keeps a single first-level heading.
	private static final PolicyFactory MAIL_POLICY = new HtmlPolicyBuilder()
		.allowElements("div", "p", "ul", "ol", "li", "a", "strong", "em", "b", "i", "br", "span")
		.allowElements((name, attributes) -> "h3", "h1", "h2", "h3")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private static final Pattern BODY = Pattern.compile("(?is)<body[^>]*>(.*)</body>");

	private final JdbcClient jdbc;

	private final EmployeeDirectory directory;

	private final OutboxSender sender;

	private final MailComposer composer;

	private final DailyDigest digest;

	OutboxQueries(JdbcClient jdbc, EmployeeDirectory directory, OutboxSender sender, MailComposer composer,
			DailyDigest digest) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.sender = sender;
		this.composer = composer;
		this.digest = digest;
	}

	/**
	 * Every kind of e-mail the outbox holds: the notification kinds and the daily digest.
	 */
	public static List<String> kinds() {
		return Stream.concat(Stream.of(NotificationKind.values()).map(Enum::name), Stream.of(OutboxMessage.DIGEST))
			.toList();
	}

	/**
	 * A page of e-mails matching the filter, newest first, with the totals per status.
	 */
	@Transactional(readOnly = true)
	public OutboxListing page(OutboxFilter filter, int page, int size) {
		Map<OutboxStatus, Long> byStatus = byStatus(filter.anyStatus());
		long total = (filter.status() != null) ? byStatus.get(filter.status())
				: byStatus.values().stream().mapToLong(Long::longValue).sum();
		long offset = (long) Math.max(page, 0) * size;
		List<Row> rows = (offset < total) ? rows(filter, null, size, offset) : List.of();
		return new OutboxListing(entries(rows), offset, total, byStatus, this.sender.mailConfigured());
	}

	/**
	 * The e-mails matching the filter that are older than the cursor (the id of the last
	 * one seen; {@code null} for the newest), at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public OutboxSlice after(OutboxFilter filter, Long cursor, int limit) {
		Map<OutboxStatus, Long> byStatus = byStatus(filter.anyStatus());
		long total = (filter.status() != null) ? byStatus.get(filter.status())
				: byStatus.values().stream().mapToLong(Long::longValue).sum();
		List<Row> rows = rows(filter, cursor, limit + 1, 0);
		boolean more = rows.size() > limit;
		List<Row> shown = more ? rows.subList(0, limit) : rows;
		return new OutboxSlice(entries(shown), total, more ? shown.get(shown.size() - 1).id() : null);
	}

	/**
	 * One e-mail, rendered again in its recipient's language from what the outbox holds.
	 * Links that answer for the recipient (a crisis check-in) are left out: they are the
	 * recipient's alone.
	 */
	@Transactional(readOnly = true)
	public Optional<OutboxMail> mail(long id) {
		Optional<Full> found = this.jdbc.sql(ONE).param("id", id).query(OutboxQueries::full).optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Full full = found.get();
		Contact contact = this.directory.findContacts(List.of(full.message().employeeId()))
			.get(full.message().employeeId());
		OutboxEntry entry = entries(List.of(full.row()), (contact != null) ? Map.of(contact.id(), contact) : Map.of())
			.get(0);
		if (contact == null) {
			return Optional.of(new OutboxMail(entry, false, null, null, null));
		}
		List<DigestEntry> digestEntries = full.message().isDigest() ? this.digest.entries(full.message()) : List.of();
		ComposedMail mail = this.composer.compose(full.message(), contact, digestEntries, false);
		return Optional.of(new OutboxMail(entry, true, mail.subject(), mail.text(), safe(mail.html())));
	}

	static String safe(String html) {
		Matcher body = BODY.matcher(html);
		return MAIL_POLICY.sanitize(body.find() ? body.group(1) : html).strip();
	}

	private Map<OutboxStatus, Long> byStatus(OutboxFilter filter) {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		bind(this.jdbc.sql(BY_STATUS), filter).query((rs) -> {
			counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("total"));
		});
		return counts;
	}

	private List<Row> rows(OutboxFilter filter, Long before, int limit, long offset) {
		return bind(this.jdbc.sql(ENTRIES), filter).param("before", before)
			.param("limit", limit)
			.param("offset", offset)
			.query(OutboxQueries::row)
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, OutboxFilter filter) {
		return statement.param("status", (filter.status() != null) ? filter.status().name() : null)
			.param("kind", blankToNull(filter.kind()))
			.param("recipient", recipientPattern(filter.recipient()));
	}

	/**
	 * {@code %words%} over the directory's search text (names and e-mail, accents and
	 * case ignored), with LIKE's wildcards taken literally.
	 */
	private static String recipientPattern(String recipient) {
		String words = Text.searchable(recipient);
		if (words.isEmpty()) {
			return null;
		}
		return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private List<OutboxEntry> entries(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return entries(rows, this.directory.findContacts(rows.stream().map(Row::employeeId).distinct().toList()));
	}

	private static List<OutboxEntry> entries(List<Row> rows, Map<Long, Contact> contacts) {
		List<OutboxEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Contact contact = contacts.get(row.employeeId());
			entries.add(new OutboxEntry(row.id(), row.employeeId(), (contact != null) ? contact.email() : null,
					(contact != null) ? contact.displayName() : null, row.kind(), row.subject(), row.critical(),
					row.status(), row.attempts(), row.lastError(), row.createdAt(), row.nextAttemptAt(), row.sentAt()));
		}
		return Collections.unmodifiableList(entries);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("employee_id"), rs.getString("kind"), rs.getString("subject"),
				rs.getBoolean("critical"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")));
	}

	private static Full full(ResultSet rs, int n) throws SQLException {
		Row row = row(rs, n);
		OutboxMessage message = new OutboxMessage(row.id(), rs.getString("idempotency_key"), row.employeeId(),
				row.kind(), rs.getObject("announcement_id", Long.class), row.subject(), rs.getString("detail"),
				rs.getString("link"), row.critical(), row.attempts(), row.createdAt(),
				instant(rs.getTimestamp("covers_from")));
		return new Full(row, message);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(long id, long employeeId, String kind, String subject, boolean critical, OutboxStatus status,
			int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

	}

	private record Full(Row row, OutboxMessage message) {

	}

}
