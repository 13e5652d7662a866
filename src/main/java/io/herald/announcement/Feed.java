package io.herald.announcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.herald.channel.Channels;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.Callers;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What employees read: their feed (pinned first, then unread, then read, newest first),
 * single posts (the first opening records the read), and the critical banner. Each is a
 * fixed number of statements whatever the page size.
 */
@Service
@NamedInterface("api")
public class Feed {

	public static final int MAX_PAGE = 100;

	// bucket.epochSecond.nanos.id: publishing times are stored to the
	// microsecond, so the cursor keeps full precision or posts published in the
	// same millisecond would be skipped. Bounded digit counts keep every part
	// within range.
	private static final Pattern CURSOR = Pattern.compile("([0-2])\\.(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([0-9]{1,18})");

	// 0 pinned, 1 unread, 2 read: the feed's first sort key.
	private static final String BUCKET = "(case when a.pinned_until > :now then 0 when d.read_at is null then 1 else 2 end)";

	// The feed's items of one person: %1$s takes the bucket, %2$s the channel and
	// cursor conditions, %3$s the due time.
	private static final String PAGE = """
			select a.id, a.title, a.summary, a.priority, c.slug, c.name, d.published_at, a.pinned_until, d.read_at,
			  a.ack_required, d.acknowledged_at, d.acknowledged_revision, a.ack_revision, a.revision,
			  a.check_in_path, %3$s as ack_due_at, %1$s as bucket
			from deliveries d join announcements a on a.id = d.announcement_id
			  join channels c on c.id = a.channel_id
			where d.employee_id = :employee and a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > :now)%2$s
			order by bucket, d.published_at desc, d.announcement_id desc
			limit :limit""";

	// After the cursor's post in the feed's order. The closing delimiter's indentation
	// keeps the blanks before "and", so the condition can follow another one.
	private static final String AFTER = """
			  and (%1$s > :bucket or (%1$s = :bucket
			    and (d.published_at < :published or (d.published_at = :published and d.announcement_id < :after))))
			""";

	private final JdbcClient jdbc;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Feed(JdbcClient jdbc, Channels channels, EmployeeDirectory directory, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A page of the caller's feed, optionally one channel's posts only, after a cursor
	 * from the previous page.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public FeedPage page(String channelSlug, String cursor, int size) {
		SignedInPerson caller = Callers.require();
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<String, Object> parameters = new HashMap<>(Map.of("now", now, "employee", caller.employeeId()));
		String conditions = "";
		if (channelSlug != null && !channelSlug.isBlank()) {
			conditions = " and c.slug = :channel";
			parameters.put("channel", channelSlug);
		}
		Matcher after = (cursor != null) ? CURSOR.matcher(cursor) : null;
		if (after != null && after.matches()) {
			conditions = conditions.concat(AFTER.formatted(BUCKET));
			parameters.put("bucket", Integer.parseInt(after.group(1)));
			parameters.put("published", Timestamp
				.from(Instant.ofEpochSecond(Long.parseLong(after.group(2)), Long.parseLong(after.group(3)))));
			parameters.put("after", Long.parseLong(after.group(4)));
		}
		parameters.put("limit", limit + 1);
		Instant instant = now.toInstant();
		List<Keyed> rows = this.jdbc.sql(PAGE.formatted(BUCKET, conditions, DeliverySql.EFFECTIVE_DUE))
			.params(parameters)
			.query((rs, n) -> new Keyed(item(rs, instant), rs.getInt("bucket")))
			.list();
		String next = null;
		if (rows.size() > limit) {
			Keyed last = rows.get(limit - 1);
			Instant published = last.item().publishedAt();
			next = last.bucket() + "." + published.getEpochSecond() + "." + published.getNano() + "."
					+ last.item().id();
			rows = rows.subList(0, limit);
		}
		return new FeedPage(rows.stream().map(Keyed::item).toList(), next);
	}

	/**
	 * Whether a cursor has the form {@link #page} gives out; anything else is not a
	 * cursor (the feed starts again from the top for it).
	 */
	public static boolean isCursor(String cursor) {
		return cursor != null && CURSOR.matcher(cursor).matches();
	}

	/**
	 * How many of the caller's active announcements they have not opened yet.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public long unreadCount() {
		Long count = this.jdbc.sql("""
				select count(*) from deliveries d join announcements a on a.id = d.announcement_id
				where d.employee_id = :employee and d.read_at is null
				  and a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > :now)""")
			.param("employee", Callers.require().employeeId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		return (count != null) ? count : 0;
	}

	/**
	 * The newest active CRITICAL announcement the caller still has to act on, for the
	 * banner on every page: to acknowledge, or, where no acknowledgement is asked, to
	 * open at least once.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<FeedItem> criticalBanner() {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("""
					select a.id, a.title, a.summary, a.priority, c.slug, c.name, d.published_at, a.pinned_until, d.read_at,
					  a.ack_required, d.acknowledged_at, d.acknowledged_revision, a.ack_revision, a.revision,
					  a.check_in_path, %s as ack_due_at
					from deliveries d join announcements a on a.id = d.announcement_id
					  join channels c on c.id = a.channel_id
					where d.employee_id = :employee and a.priority = 'CRITICAL'
					  and a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > :now)
					  and ((a.ack_required = true and (d.acknowledged_at is null or d.acknowledged_revision < a.ack_revision))
					    or (a.ack_required = false and d.read_at is null))
					order by d.published_at desc
					limit 1"""
				.formatted(DeliverySql.EFFECTIVE_DUE))
			.param("employee", Callers.require().employeeId())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> item(rs, now))
			.optional();
	}

	/**
	 * Opens an announcement: a recipient sees it and their first opening is recorded as
	 * read; the channel's managers may read it without being recipients, and so may HR
	 * once it has passed review ({@link HrReading}); everyone else is told it does not
	 * exist.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public AnnouncementPage open(long id) {
		SignedInPerson caller = Callers.require();
		Instant now = this.clock.instant();
		Opened opened = this.jdbc.sql("""
				select a.id, a.title, a.summary, a.body, a.priority, a.channel_id, a.author_id, a.published_at,
				  a.revision, a.status, a.expires_at, a.ack_required, a.ack_revision, a.check_in_path,
				  %s as ack_due_at, d.employee_id, d.read_at, d.acknowledged_at, d.acknowledged_revision,
				  c.slug, c.name as channel_name
				from announcements a join channels c on c.id = a.channel_id
				  left join deliveries d on d.announcement_id = a.id and d.employee_id = :employee
				where a.id = :announcement""".formatted(DeliverySql.EFFECTIVE_DUE))
			.param("employee", caller.employeeId())
			.param("announcement", id)
			.query((rs, n) -> new Opened(rs))
			.optional()
			.orElseThrow(() -> new AnnouncementNotFound(id));
		boolean recipient = opened.recipient
				&& (opened.status == AnnouncementStatus.PUBLISHED || opened.status == AnnouncementStatus.ARCHIVED);
		if (!recipient && !(Callers.hasAnyRole(Role.HR) && HrReading.mayRead(opened.status))
				&& !this.channels.callerManages(opened.channelId)) {
			throw new AnnouncementNotFound(id);
		}
		boolean wentOut = opened.status == AnnouncementStatus.PUBLISHED || opened.status == AnnouncementStatus.ARCHIVED;
		// As TrackingReports decides, without asking it: a non-recipient got
		// here as HR or a manager of the channel; a recipient may manage it too
		// (owners and publishers).
		boolean mayTrack = wentOut && (Callers.hasAnyRole(Role.HR, Role.ADMIN) || !recipient
				|| this.channels.callerManages(opened.channelId));
		Instant readAt = opened.readAt;
		if (recipient && readAt == null) {
			// One indexed update; the condition keeps the first read, whatever the races.
			int first = this.jdbc.sql("""
					update deliveries set read_at = :now
					where announcement_id = :announcement and employee_id = :employee and read_at is null""")
				.param("now", Timestamp.from(now))
				.param("announcement", id)
				.param("employee", caller.employeeId())
				.update();
			if (first == 1) {
				this.events.publishEvent(new AnnouncementRead(id, caller.employeeId(), now));
			}
			readAt = now;
		}
		String author = this.directory.displayNames(List.of(opened.authorId)).get(opened.authorId);
		boolean acknowledged = opened.acknowledgedAt != null && opened.acknowledgedRevision != null
				&& opened.acknowledgedRevision >= opened.ackRevision;
		return new AnnouncementPage(id, opened.title, opened.summary, MarkdownRenderer.toHtml(opened.body),
				opened.priority, opened.channelSlug, opened.channelName, (author != null) ? author : "",
				opened.publishedAt, opened.revision, opened.status,
				opened.expiresAt != null && !opened.expiresAt.isAfter(now), recipient, readAt,
				opened.ackRequired && recipient, acknowledged, acknowledged ? opened.acknowledgedAt : null,
				opened.ackDueAt, recipient && opened.ackRequired && !acknowledged && opened.ackDueAt != null
						&& opened.ackDueAt.isBefore(now),
				mayTrack, opened.checkInPath);
	}

	private static FeedItem item(ResultSet rs, Instant now) throws SQLException {
		Timestamp pinnedUntil = rs.getTimestamp("pinned_until");
		Timestamp acknowledgedAt = rs.getTimestamp("acknowledged_at");
		int acknowledgedRevision = rs.getInt("acknowledged_revision");
		boolean ackRequired = rs.getBoolean("ack_required");
		boolean acknowledged = acknowledgedAt != null && acknowledgedRevision >= rs.getInt("ack_revision");
		Timestamp due = rs.getTimestamp("ack_due_at");
		Instant dueAt = (due != null) ? due.toInstant() : null;
		return new FeedItem(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
				Priority.valueOf(rs.getString("priority")), rs.getString("slug"), rs.getString("name"),
				rs.getTimestamp("published_at").toInstant(),
				pinnedUntil != null && pinnedUntil.toInstant().isAfter(now), rs.getTimestamp("read_at") != null,
				ackRequired, acknowledged, ackRequired ? dueAt : null,
				ackRequired && !acknowledged && dueAt != null && dueAt.isBefore(now), rs.getInt("revision"),
				rs.getString("check_in_path"));
	}

	private record Keyed(FeedItem item, int bucket) {

	}

	private static final class Opened {

		final String title;

		final String summary;

		final String body;

		final Priority priority;

		final long channelId;

		final long authorId;

		final Instant publishedAt;

		final int revision;

		final AnnouncementStatus status;

		final Instant expiresAt;

		final boolean ackRequired;

		final int ackRevision;

		final Instant ackDueAt;

		final boolean recipient;

		final String checkInPath;

		final String channelSlug;

		final String channelName;

		final Instant readAt;

		final Instant acknowledgedAt;

		final Integer acknowledgedRevision;

		Opened(ResultSet rs) throws SQLException {
			this.title = rs.getString("title");
			this.summary = rs.getString("summary");
			this.body = rs.getString("body");
			this.priority = Priority.valueOf(rs.getString("priority"));
			this.channelId = rs.getLong("channel_id");
			this.authorId = rs.getLong("author_id");
			this.publishedAt = instant(rs.getTimestamp("published_at"));
			this.revision = rs.getInt("revision");
			this.status = AnnouncementStatus.valueOf(rs.getString("status"));
			this.expiresAt = instant(rs.getTimestamp("expires_at"));
			this.ackRequired = rs.getBoolean("ack_required");
			this.ackRevision = rs.getInt("ack_revision");
			this.ackDueAt = instant(rs.getTimestamp("ack_due_at"));
			this.recipient = rs.getObject("employee_id") != null;
			this.readAt = instant(rs.getTimestamp("read_at"));
			this.acknowledgedAt = instant(rs.getTimestamp("acknowledged_at"));
			this.acknowledgedRevision = rs.getObject("acknowledged_revision", Integer.class);
			this.checkInPath = rs.getString("check_in_path");
			this.channelSlug = rs.getString("slug");
			this.channelName = rs.getString("channel_name");
		}

		private static Instant instant(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant() : null;
		}

	}

}
