package io.herald.announcement;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.announcement.Lifecycle.Actor;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.Callers;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * What the authoring desk shows: its lists, one announcement with the moves the viewer
 * may make ({@link Lifecycle#allows}), its revisions, the audience a targeting would
 * reach, the content calendar and the editor's preview. Reads only; the moves themselves
 * are {@link Announcements}.
 */
@Service
public class AnnouncementDesk {

	private final AnnouncementRepository announcements;

	private final AnnouncementAccess access;

	private final Audiences audiences;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final JdbcClient jdbc;

	AnnouncementDesk(AnnouncementRepository announcements, AnnouncementAccess access, Audiences audiences,
			Channels channels, EmployeeDirectory directory, JdbcClient jdbc) {
		this.announcements = announcements;
		this.access = access;
		this.audiences = audiences;
		this.channels = channels;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/**
	 * One of the desk's lists, optionally only titles containing the query. People who
	 * are not communications managers see the channels they post to; drafts are always
	 * the caller's own.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<AnnouncementRow> list(DeskList list, String query, Pageable pageable) {
		SignedInPerson caller = Callers.require();
		Specification<Announcement> specification = (root, q, cb) -> root.get("status").in(list.statuses());
		if (list == DeskList.DRAFTS) {
			specification = specification.and((root, q, cb) -> cb.equal(root.get("authorId"), caller.employeeId()));
		}
		if (!Callers.hasAnyRole(Role.COMMS_MANAGER)) {
			Set<Long> mine = this.channels.postableByCaller().stream().map(ChannelView::id).collect(Collectors.toSet());
			if (list == DeskList.REVIEW) {
				mine = this.channels.postableByCaller()
					.stream()
					.filter((channel) -> channel.isOwner(caller.employeeId()))
					.map(ChannelView::id)
					.collect(Collectors.toSet());
			}
			Set<Long> visible = mine.isEmpty() ? Set.of(-1L) : mine;
			specification = specification.and((root, q, cb) -> root.get("channelId").in(visible));
		}
		if (StringUtils.hasText(query)) {
			String pattern = "%" + query.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
			specification = specification.and((root, q, cb) -> cb.like(cb.lower(root.get("title")), pattern, '\\'));
		}
		Page<Announcement> page = this.announcements.findAll(specification, pageable);
		Map<Long, ChannelView> channelsById = this.channels
			.byId(page.stream().map(Announcement::getChannelId).collect(Collectors.toSet()));
		Map<Long, EmployeeSummary> authors = this.directory
			.findSummaries(page.stream().map(Announcement::getAuthorId).collect(Collectors.toSet()));
		return page.map((a) -> {
			ChannelView channel = channelsById.get(a.getChannelId());
			return new AnnouncementRow(a.getId(), a.getTitle(), channel.slug(), channel.name(), a.getPriority(),
					a.getStatus(), name(authors, a.getAuthorId()), a.getUpdatedAt(), a.getScheduledAt(),
					a.getPublishedAt(), a.getRecipients());
		});
	}

	/**
	 * One announcement for the desk: visible to whoever may manage its channel, and to HR
	 * once it has passed review ({@link HrReading}).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AnnouncementDetails details(long id) {
		Announcement announcement = this.access.load(id);
		ChannelView channel = this.access.channel(announcement);
		Set<Long> people = new HashSet<>();
		people.add(announcement.getAuthorId());
		if (announcement.getReviewerId() != null) {
			people.add(announcement.getReviewerId());
		}
		Map<Long, EmployeeSummary> names = this.directory.findSummaries(people);
		Actor actor = this.access.actor(announcement, channel);
		Set<AnnouncementAction> allowed = EnumSet.noneOf(AnnouncementAction.class);
		for (AnnouncementAction action : AnnouncementAction.values()) {
			if (Lifecycle.allows(action, announcement.getStatus(), channel.requiresReview(), actor)) {
				allowed.add(action);
			}
		}
		return new AnnouncementDetails(announcement.getId(), announcement.getStatus(),
				new AnnouncementDetails.Content(announcement.getTitle(), announcement.getSummary(),
						announcement.getBody(), MarkdownRenderer.toHtml(announcement.getBody()),
						announcement.getPriority()),
				new AnnouncementDetails.Targeting(channel.id(), channel.slug(), channel.name(),
						channel.requiresReview(), Set.copyOf(announcement.getDepartmentIds()),
						Set.copyOf(announcement.getLocationIds()),
						names(this.directory.departmentOptions(), announcement.getDepartmentIds()),
						names(this.directory.locationOptions(), announcement.getLocationIds())),
				new AnnouncementDetails.Schedule(announcement.getPinnedUntil(), announcement.getExpiresAt(),
						announcement.getScheduledAt(), announcement.getPublishedAt(), announcement.isPublishedLate(),
						announcement.getArchivedAt()),
				new AnnouncementDetails.Tracking(announcement.isAckRequired(), announcement.getAckDueAt(),
						announcement.getRevision(), announcement.getAckRevision(), announcement.getRecipients()),
				new AnnouncementDetails.Authorship(announcement.getAuthorId(), name(names, announcement.getAuthorId()),
						announcement.getSubmittedAt(),
						(announcement.getReviewerId() != null) ? name(names, announcement.getReviewerId()) : null,
						announcement.getReviewedAt(), announcement.getReviewComment()),
				announcement.getVersion(), allowed);
	}

	/**
	 * The edits made after publishing, newest first.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RevisionView> revisions(long id) {
		this.access.load(id);
		List<Revision> rows = this.jdbc.sql("""
				select revision, edited_by, edited_at, material, changed_fields, previous_title
				from announcement_revisions where announcement_id = :announcement
				order by revision desc""")
			.param("announcement", id)
			.query((rs, n) -> new Revision(rs.getInt("revision"), rs.getLong("edited_by"),
					rs.getTimestamp("edited_at").toInstant(), rs.getBoolean("material"), rs.getString("changed_fields"),
					rs.getString("previous_title")))
			.list();
		Map<Long, EmployeeSummary> names = this.directory
			.findSummaries(rows.stream().map(Revision::editedBy).collect(Collectors.toSet()));
		return rows.stream()
			.map((row) -> new RevisionView(row.revision(), name(names, row.editedBy()), row.editedAt(), row.material(),
					Arrays.asList(row.changedFields().split(",")), row.previousTitle()))
			.toList();
	}

	/**
	 * Whom a targeting would reach if published now.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AudiencePreview audience(long channelId, Collection<Long> departmentIds, Collection<Long> locationIds) {
		return this.audiences.preview(channelId, departmentIds, locationIds);
	}

	/**
	 * Scheduled and published posts between two instants, for the content calendar; each
	 * at its scheduled or published time.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<CalendarEntry> calendar(Instant from, Instant to) {
		boolean manager = Callers.hasAnyRole(Role.COMMS_MANAGER, Role.HR);
		Set<Long> mine = manager ? Set.of()
				: this.channels.postableByCaller().stream().map(ChannelView::id).collect(Collectors.toSet());
		Map<Long, ChannelView> channelsById = this.channels.all()
			.stream()
			.collect(Collectors.toMap(ChannelView::id, (channel) -> channel));
		Map<Long, String> departmentNames = options(this.directory.departmentOptions());
		Map<Long, String> locationNames = options(this.directory.locationOptions());
		Map<Long, List<String>> narrowing = new LinkedHashMap<>();
		Timestamp start = Timestamp.from(from);
		Timestamp end = Timestamp.from(to);
		this.jdbc
			.sql("""
					select ad.announcement_id, ad.department_id
					from announcement_departments ad join announcements a on a.id = ad.announcement_id
					where coalesce(a.published_at, a.scheduled_at) >= :from and coalesce(a.published_at, a.scheduled_at) < :to""")
			.param("from", start)
			.param("to", end)
			.query((ResultSet rs) -> {
				long department = rs.getLong("department_id");
				narrowing.computeIfAbsent(rs.getLong("announcement_id"), (k) -> new ArrayList<>())
					.add("d" + department + ":" + departmentNames.get(department));
			});
		this.jdbc
			.sql("""
					select al.announcement_id, al.location_id
					from announcement_locations al join announcements a on a.id = al.announcement_id
					where coalesce(a.published_at, a.scheduled_at) >= :from and coalesce(a.published_at, a.scheduled_at) < :to""")
			.param("from", start)
			.param("to", end)
			.query((ResultSet rs) -> {
				long location = rs.getLong("location_id");
				narrowing.computeIfAbsent(rs.getLong("announcement_id"), (k) -> new ArrayList<>())
					.add("l" + location + ":" + locationNames.get(location));
			});
		return this.jdbc.sql("""
				select id, title, channel_id, status, priority, coalesce(published_at, scheduled_at) as at, drill
				from announcements
				where status in ('SCHEDULED', 'APPROVED', 'PUBLISHED', 'ARCHIVED')
				  and coalesce(published_at, scheduled_at) >= :from and coalesce(published_at, scheduled_at) < :to
				order by at, id""").param("from", start).param("to", end).query((rs, n) -> {
			long id = rs.getLong("id");
			long channelId = rs.getLong("channel_id");
			List<String> narrowed = narrowing.getOrDefault(id, List.of()).stream().sorted().toList();
			return new CalendarEntry(id, rs.getString("title"), channelsById.get(channelId),
					AnnouncementStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
					rs.getTimestamp("at").toInstant(),
					narrowed.stream().map((n2) -> n2.substring(n2.indexOf(':') + 1)).toList(),
					channelId + "|"
							+ String.join(",",
									narrowed.stream().map((n2) -> n2.substring(0, n2.indexOf(':'))).toList()),
					rs.getBoolean("drill"));
		}).list().stream().filter((entry) -> manager || mine.contains(entry.channel().id())).toList();
	}

	/**
	 * Markdown as the post would show it: sanitised HTML, safe to insert unescaped. For
	 * the editor's preview; nothing is saved.
	 */
	@PreAuthorize("isAuthenticated()")
	public String preview(String markdown) {
		return MarkdownRenderer.toHtml(markdown);
	}

	private static String name(Map<Long, EmployeeSummary> names, long id) {
		EmployeeSummary person = names.get(id);
		return (person != null) ? person.displayName() : "";
	}

	private static Map<Long, String> options(List<DirectoryOption> options) {
		return options.stream().collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
	}

	private static List<String> names(List<DirectoryOption> options, Set<Long> ids) {
		return options.stream().filter((option) -> ids.contains(option.id())).map(DirectoryOption::name).toList();
	}

	private record Revision(int revision, long editedBy, Instant editedAt, boolean material, String changedFields,
			String previousTitle) {

	}

}
