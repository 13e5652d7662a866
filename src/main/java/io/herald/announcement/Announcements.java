package io.herald.announcement;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.announcement.Lifecycle.Actor;
import io.herald.audit.AuditLog;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.shared.Callers;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.MultiLine;
import io.herald.shared.SignedInPerson;
import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The authoring desk: write, target, review, schedule, publish, revise and archive
 * announcements. Every move is checked against {@link Lifecycle} and the caller's rights
 * here, whatever the route, and audited.
 */
@Service
public class Announcements {

	static final int MAX_BODY = 50_000;

	/**
	 * How long a pinned system alert could stay pinned if nobody ended it: far longer
	 * than any incident runs.
	 */
	static final Duration PINNED_SYSTEM_ALERT = Duration.ofDays(366);

	private final AnnouncementRepository announcements;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final Publishing publishing;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CommsManagers commsManagers;

	Announcements(AnnouncementRepository announcements, Channels channels, EmployeeDirectory directory,
			Publishing publishing, AuditLog audit, JdbcClient jdbc, EntityManager entityManager, Clock clock,
			ApplicationEventPublisher events, CommsManagers commsManagers) {
		this.events = events;
		this.commsManagers = commsManagers;
		this.announcements = announcements;
		this.channels = channels;
		this.directory = directory;
		this.publishing = publishing;
		this.audit = audit;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Saves a new draft and returns its id.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public long create(AnnouncementDraft draft) {
		SignedInPerson caller = Callers.require();
		AnnouncementDraft cleaned = clean(draft);
		InvalidChange.refuseIfAny(check(cleaned, true, null));
		Instant now = this.clock.instant();
		Announcement announcement = new Announcement(caller.employeeId(), now);
		announcement.write(cleaned, now);
		long id = this.announcements.save(announcement).getId();
		this.audit.record("announcement.drafted", "announcement", id, cleaned.title());
		return id;
	}

	/**
	 * What {@link #create} would refuse in this draft, changing nothing: for clients that
	 * check more of their input before asking.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<Problem> problems(AnnouncementDraft draft) {
		return check(clean(draft), true, null);
	}

	/**
	 * Changes a draft (or one sent back for changes).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void update(long id, AnnouncementDraft draft) {
		Announcement announcement = load(id);
		transition(announcement, AnnouncementAction.EDIT);
		requireVersion(announcement, draft.version());
		AnnouncementDraft cleaned = clean(draft);
		InvalidChange.refuseIfAny(check(cleaned, true, null));
		announcement.write(cleaned, this.clock.instant());
		this.audit.record("announcement.edited", "announcement", id, cleaned.title());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void submit(long id) {
		Announcement announcement = load(id);
		AnnouncementStatus next = transition(announcement, AnnouncementAction.SUBMIT);
		requireReady(announcement);
		Instant now = this.clock.instant();
		announcement.moveTo(next, now);
		this.audit.record("announcement.submitted", "announcement", id, null);
		this.events.publishEvent(new AnnouncementSubmitted(id, announcement.getTitle(), announcement.getAuthorId(),
				reviewers(announcement), now));
	}

	/**
	 * Saves a new draft and schedules it for the time it names, in one transaction: when
	 * it cannot be scheduled, nothing is saved.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public long createScheduled(AnnouncementDraft draft) {
		long id = create(draft);
		this.entityManager.flush();
		schedule(id);
		return id;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void withdraw(long id) {
		Announcement announcement = load(id);
		announcement.moveTo(transition(announcement, AnnouncementAction.WITHDRAW), this.clock.instant());
		this.audit.record("announcement.withdrawn", "announcement", id, null);
	}

	/**
	 * Approves a post in review, as the reviewer saw it ({@code version}), and releases
	 * it as its author asked: published now, or scheduled for its time when that is still
	 * ahead.
	 * @return the status it ends in
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public AnnouncementStatus approve(long id, long version) {
		Announcement announcement = load(id);
		transition(announcement, AnnouncementAction.APPROVE);
		// The reviewer approves the words they read: if the author withdrew,
		// edited and resubmitted meanwhile, they must read it again.
		if (announcement.getVersion() != version) {
			throw new InvalidChange(null, "announcement.review.stale");
		}
		// The directory may have changed during review: an audience of nobody
		// is refused here too.
		requireReady(announcement);
		Instant now = this.clock.instant();
		long reviewerId = Callers.require().employeeId();
		announcement.reviewed(reviewerId, null, now);
		announcement.moveTo(AnnouncementStatus.APPROVED, now);
		this.audit.record("announcement.approved", "announcement", id, null);
		String title = announcement.getTitle();
		long authorId = announcement.getAuthorId();
		AnnouncementStatus released = release(announcement, now);
		this.events.publishEvent(new AnnouncementReviewed(id, title, authorId, reviewerId, true, null, released, now));
		return released;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void requestChanges(long id, String comment) {
		Announcement announcement = load(id);
		AnnouncementStatus next = transition(announcement, AnnouncementAction.REQUEST_CHANGES);
		String cleaned = (comment != null) ? comment.strip() : "";
		if (cleaned.isEmpty() || cleaned.length() > 2000) {
			throw new InvalidChange("comment", "announcement.comment.required");
		}
		if (!MultiLine.Check.accepts(cleaned)) {
			throw new InvalidChange("comment", "validation.multiLine");
		}
		Instant now = this.clock.instant();
		long reviewerId = Callers.require().employeeId();
		announcement.reviewed(reviewerId, cleaned, now);
		announcement.moveTo(next, now);
		this.audit.record("announcement.changes-requested", "announcement", id, cleaned);
		this.events.publishEvent(new AnnouncementReviewed(id, announcement.getTitle(), announcement.getAuthorId(),
				reviewerId, false, cleaned, next, now));
	}

	/**
	 * Publishes now and returns the number of recipients.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public int publish(long id) {
		Announcement announcement = load(id);
		transition(announcement, AnnouncementAction.PUBLISH);
		requireReady(announcement);
		return publishNow(announcement, this.clock.instant());
	}

	/**
	 * Publishes a system post at once, with no review, on the system channel {@code slug}
	 * (created if missing). The fan-out is the usual single statement.
	 * @throws InvalidChange when the title or body is missing or too long, or the post
	 * would reach nobody (nothing is saved then)
	 */
	@PreAuthorize("hasAnyRole('COMMS_MANAGER', 'ADMIN')")
	@Transactional
	public SystemAlert.Published publishSystemAlert(String slug, String channelName, SystemAlert alert) {
		long channelId = this.channels.systemChannel(slug, channelName);
		AnnouncementDraft draft = clean(
				new AnnouncementDraft(channelId, alert.title(), null, alert.body(), alert.priority(),
						alert.ackRequired(), null, alert.departmentIds(), alert.locationIds(), null, null, null, 0));
		List<Problem> problems = new ArrayList<>();
		if (draft.title() == null || draft.title().length() > 200) {
			problems.add(new Problem("title", "announcement.title.invalid"));
		}
		if (!StringUtils.hasText(draft.body()) || draft.body().length() > MAX_BODY) {
			problems.add(new Problem("body", "announcement.body.invalid"));
		}
		InvalidChange.refuseIfAny(problems);
		Instant now = this.clock.instant();
		Announcement announcement = new Announcement(Callers.require().employeeId(), now);
		announcement.write(draft, now);
		long id = this.announcements.save(announcement).getId();
		this.entityManager.flush();
		if (alert.checkInPath() != null) {
			this.jdbc.sql("update announcements set check_in_path = :path where id = :announcement")
				.param("path", alert.checkInPath())
				.param("announcement", id)
				.update();
		}
		if (alert.pinned() || alert.drill()) {
			// Pinned for as long as it runs: ending it unpins it (the year is a mere
			// bound).
			this.jdbc
				.sql("update announcements set pinned_until = :pinnedUntil, drill = :drill where id = :announcement")
				.param("pinnedUntil", alert.pinned() ? Timestamp.from(now.plus(PINNED_SYSTEM_ALERT)) : null)
				.param("drill", alert.drill())
				.param("announcement", id)
				.update();
		}
		this.audit.record("announcement.drafted", "announcement", id, draft.title());
		// The sender (crisis) notifies the recipients itself, through the alert's media.
		int recipients = publishNow(announcement, now, true);
		if (recipients == 0) {
			// Rolls the post back: an alert to nobody is a mistake.
			throw new InvalidChange(null, "announcement.audience.empty");
		}
		return new SystemAlert.Published(id, recipients);
	}

	/**
	 * Ends a post on the system channel {@code slug} now: it leaves the feed and the
	 * critical banner, and nobody is reminded of it any more.
	 */
	@PreAuthorize("hasAnyRole('COMMS_MANAGER', 'ADMIN')")
	@Transactional
	public void expireSystemAlert(String slug, long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int expired = this.jdbc.sql("""
				update announcements
				set expires_at = :now, pinned_until = null, updated_at = :now, version = version + 1
				where id = :announcement and channel_id in (select c.id from channels c where c.slug = :slug)
				  and (expires_at is null or expires_at > :now)""")
			.param("now", now)
			.param("announcement", id)
			.param("slug", slug)
			.update();
		if (expired == 1) {
			this.audit.record("announcement.expired", "announcement", id, null);
		}
	}

	/**
	 * Schedules a post for the time its draft names, which must be ahead.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void schedule(long id) {
		Announcement announcement = load(id);
		AnnouncementStatus next = transition(announcement, AnnouncementAction.SCHEDULE);
		requireReady(announcement);
		Instant now = this.clock.instant();
		if (announcement.getScheduledAt() == null || !announcement.getScheduledAt().isAfter(now)) {
			throw new InvalidChange("scheduledAt", "announcement.scheduledAt.future");
		}
		announcement.moveTo(next, now);
		this.audit.record("announcement.scheduled", "announcement", id, announcement.getScheduledAt().toString());
	}

	/**
	 * Takes a scheduled post back to draft (on channels with review it needs reviewing
	 * again).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void unschedule(long id) {
		Announcement announcement = load(id);
		announcement.moveTo(transition(announcement, AnnouncementAction.UNSCHEDULE), this.clock.instant());
		this.audit.record("announcement.unscheduled", "announcement", id, null);
	}

	/**
	 * Edits a published post, keeping the previous words as a revision. A material change
	 * asks everyone to acknowledge again.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void revise(long id, AnnouncementDraft draft, boolean material) {
		Announcement announcement = load(id);
		transition(announcement, AnnouncementAction.REVISE);
		requireVersion(announcement, draft.version());
		AnnouncementDraft cleaned = clean(draft);
		InvalidChange.refuseIfAny(check(cleaned, false, announcement));
		List<String> changed = changedFields(announcement, cleaned);
		if (changed.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		boolean reAsk = material && announcement.isAckRequired();
		if (reAsk && (cleaned.ackDueAt() == null || !cleaned.ackDueAt().isAfter(now))
				&& (announcement.getAckDueAt() == null || !announcement.getAckDueAt().isAfter(now))) {
			// Asking everyone again with a deadline already behind them would
			// make them overdue at once: the new request gets the priority's
			// window from now.
			cleaned = withAckDueAt(cleaned, now.plus(announcement.getPriority().defaultAckWindow()));
		}
		this.jdbc.sql("""
				insert into announcement_revisions (announcement_id, revision, edited_by, edited_at, material,
				  changed_fields, previous_title, previous_summary, previous_body)
				values (:announcement, :revision, :editedBy, :editedAt, :material,
				  :changedFields, :previousTitle, :previousSummary, :previousBody)""")
			.param("announcement", id)
			.param("revision", announcement.getRevision())
			.param("editedBy", Callers.require().employeeId())
			.param("editedAt", Timestamp.from(now))
			.param("material", material)
			.param("changedFields", String.join(",", changed))
			.param("previousTitle", announcement.getTitle())
			.param("previousSummary", announcement.getSummary())
			.param("previousBody", announcement.getBody())
			.update();
		Instant dueBefore = announcement.getAckDueAt();
		announcement.revise(cleaned, reAsk, now);
		// Listeners read the post with SQL.
		this.entityManager.flush();
		this.events.publishEvent(new AnnouncementRevised(id, announcement.getRevision(), reAsk,
				!Objects.equals(dueBefore, announcement.getAckDueAt())));
		this.audit.record(reAsk ? "announcement.revised.material" : "announcement.revised", "announcement", id,
				String.join(",", changed));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void archive(long id) {
		Announcement announcement = load(id);
		announcement.moveTo(transition(announcement, AnnouncementAction.ARCHIVE), this.clock.instant());
		this.audit.record("announcement.archived", "announcement", id, null);
	}

	/**
	 * Deletes a draft that never went out.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void discard(long id) {
		Announcement announcement = load(id);
		transition(announcement, AnnouncementAction.DISCARD);
		this.announcements.delete(announcement);
		this.audit.record("announcement.discarded", "announcement", id, announcement.getTitle());
	}

	/**
	 * Markdown as the post would show it: sanitised HTML, safe to insert unescaped. For
	 * the editor's preview; nothing is saved.
	 */
	@PreAuthorize("isAuthenticated()")
	public String preview(String markdown) {
		return MarkdownRenderer.toHtml(markdown);
	}

	/**
	 * One announcement for the desk: visible to whoever may manage its channel, and to HR
	 * once it has passed review ({@link HrReading}).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AnnouncementDetails details(long id) {
		Announcement announcement = load(id);
		ChannelView channel = this.channels.find(announcement.getChannelId()).orElseThrow();
		Set<Long> people = new HashSet<>();
		people.add(announcement.getAuthorId());
		if (announcement.getReviewerId() != null) {
			people.add(announcement.getReviewerId());
		}
		Map<Long, EmployeeSummary> names = this.directory.findSummaries(people);
		Set<AnnouncementAction> allowed = EnumSet.noneOf(AnnouncementAction.class);
		Actor actor = actor(announcement, channel);
		for (AnnouncementAction action : AnnouncementAction.values()) {
			try {
				Lifecycle.next(action, announcement.getStatus(), channel.requiresReview(), actor);
				allowed.add(action);
			}
			catch (InvalidChange refused) {
				// not offered
			}
		}
		return new AnnouncementDetails(announcement.getId(), channel.id(), channel.slug(), channel.name(),
				channel.requiresReview(), announcement.getAuthorId(), name(names, announcement.getAuthorId()),
				announcement.getTitle(), announcement.getSummary(), announcement.getBody(),
				MarkdownRenderer.toHtml(announcement.getBody()), announcement.getPriority(), announcement.getStatus(),
				announcement.isAckRequired(), announcement.getAckDueAt(), Set.copyOf(announcement.getDepartmentIds()),
				Set.copyOf(announcement.getLocationIds()),
				names(this.directory.departmentOptions(), announcement.getDepartmentIds()),
				names(this.directory.locationOptions(), announcement.getLocationIds()), announcement.getPinnedUntil(),
				announcement.getExpiresAt(), announcement.getScheduledAt(), announcement.getPublishedAt(),
				announcement.isPublishedLate(), announcement.getArchivedAt(), announcement.getSubmittedAt(),
				(announcement.getReviewerId() != null) ? name(names, announcement.getReviewerId()) : null,
				announcement.getReviewedAt(), announcement.getReviewComment(), announcement.getRevision(),
				announcement.getAckRevision(), announcement.getRecipients(), announcement.getVersion(), allowed);
	}

	/**
	 * The edits made after publishing, newest first.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RevisionView> revisions(long id) {
		load(id);
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
		if (!Callers.hasAnyRole("COMMS_MANAGER")) {
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
	 * How many people a system post on the channel {@code slug} would reach if published
	 * now: the rule of {@link #publishSystemAlert}, which creates the channel
	 * company-wide when it is missing.
	 */
	@PreAuthorize("hasAnyRole('COMMS_MANAGER', 'ADMIN')")
	@Transactional(readOnly = true)
	public long systemAlertAudience(String slug, Set<Long> departmentIds, Set<Long> locationIds) {
		// A channel that does not exist yet is created company-wide.
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
	 * Whom a targeting would reach if published now.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AudiencePreview audience(long channelId, Collection<Long> departmentIds, Collection<Long> locationIds) {
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
	 * Scheduled and published posts between two instants, for the content calendar; each
	 * at its scheduled or published time.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<CalendarEntry> calendar(Instant from, Instant to) {
		boolean manager = Callers.hasAnyRole("COMMS_MANAGER", "HR");
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

	private AnnouncementStatus release(Announcement announcement, Instant now) {
		if (announcement.getScheduledAt() != null && announcement.getScheduledAt().isAfter(now)) {
			announcement.moveTo(AnnouncementStatus.SCHEDULED, now);
			this.audit.record("announcement.scheduled", "announcement", announcement.getId(),
					announcement.getScheduledAt().toString());
			return AnnouncementStatus.SCHEDULED;
		}
		publishNow(announcement, now);
		return AnnouncementStatus.PUBLISHED;
	}

	private int publishNow(Announcement announcement, Instant now) {
		return publishNow(announcement, now, false);
	}

	private int publishNow(Announcement announcement, Instant now, boolean notifiedBySender) {
		this.entityManager.flush();
		long id = announcement.getId();
		// Publishing writes with SQL; the entity must not be written again afterwards.
		this.entityManager.detach(announcement);
		return this.publishing.publish(id, now, false, notifiedBySender)
			.orElseThrow(() -> new InvalidChange(null, "announcement.refused.publish"));
	}

	/**
	 * Who may review this post, as {@link #actor} decides it: the channel's owners and
	 * the communications managers, never its author.
	 */
	private Set<Long> reviewers(Announcement announcement) {
		Set<Long> reviewers = new HashSet<>(this.commsManagers.employeeIds());
		this.channels.find(announcement.getChannelId()).ifPresent((channel) -> reviewers.addAll(channel.owners()));
		reviewers.remove(announcement.getAuthorId());
		return reviewers;
	}

	private Announcement load(long id) {
		Announcement announcement = this.announcements.findWithTargetingById(id)
			.orElseThrow(() -> new AnnouncementNotFound(id));
		if (!this.channels.callerManages(announcement.getChannelId())
				&& !(Callers.hasAnyRole("HR") && HrReading.mayRead(announcement.getStatus()))) {
			throw new AnnouncementNotFound(id);
		}
		return announcement;
	}

	private AnnouncementStatus transition(Announcement announcement, AnnouncementAction action) {
		ChannelView channel = this.channels.find(announcement.getChannelId()).orElseThrow();
		return Lifecycle.next(action, announcement.getStatus(), channel.requiresReview(), actor(announcement, channel));
	}

	private Actor actor(Announcement announcement, ChannelView channel) {
		SignedInPerson caller = Callers.require();
		boolean author = announcement.getAuthorId() == caller.employeeId();
		boolean commsManager = Callers.hasAnyRole("COMMS_MANAGER");
		boolean mayPost = !channel.archived() && (commsManager || channel.mayPost(caller.employeeId()));
		boolean reviewer = commsManager || channel.isOwner(caller.employeeId());
		return new Actor(author, mayPost && (author || commsManager), reviewer);
	}

	/**
	 * A post goes out only to someone: an audience of nobody is refused before review,
	 * scheduling or publishing.
	 */
	private void requireReady(Announcement announcement) {
		if (audience(announcement.getChannelId(), announcement.getDepartmentIds(), announcement.getLocationIds())
			.recipients() == 0) {
			throw new InvalidChange(null, "announcement.audience.empty");
		}
		// A draft saved days ago may name dates that have passed since: it must
		// not go out already expired or already overdue.
		Instant now = this.clock.instant();
		Instant start = (announcement.getScheduledAt() != null && announcement.getScheduledAt().isAfter(now))
				? announcement.getScheduledAt() : now;
		if (announcement.getExpiresAt() != null && !announcement.getExpiresAt().isAfter(start)) {
			throw new InvalidChange("expiresAt", "announcement.expiresAt.afterPublishing");
		}
		if (announcement.isAckRequired() && announcement.getAckDueAt() != null
				&& !announcement.getAckDueAt().isAfter(start)) {
			throw new InvalidChange("ackDueAt", "announcement.ackDueAt.afterPublishing");
		}
	}

	private static AnnouncementDraft withAckDueAt(AnnouncementDraft draft, Instant due) {
		return new AnnouncementDraft(draft.channelId(), draft.title(), draft.summary(), draft.body(), draft.priority(),
				draft.ackRequired(), due, draft.departmentIds(), draft.locationIds(), draft.pinnedUntil(),
				draft.expiresAt(), draft.scheduledAt(), draft.version());
	}

	private static void requireVersion(Announcement announcement, long version) {
		if (announcement.getVersion() != version) {
			throw new InvalidChange(null, "announcement.edit.concurrent");
		}
	}

	private static AnnouncementDraft clean(AnnouncementDraft draft) {
		return new AnnouncementDraft(draft.channelId(), strip(draft.title()), strip(draft.summary()),
				(draft.body() != null) ? draft.body().stripTrailing() : null, draft.priority(), draft.ackRequired(),
				draft.ackRequired() ? draft.ackDueAt() : null, draft.departmentIds(), draft.locationIds(),
				draft.pinnedUntil(), draft.expiresAt(), draft.scheduledAt(), draft.version());
	}

	/**
	 * What is wrong with a draft. For a revision ({@code existing} given), dates left as
	 * they were are not checked against the clock again: a pin that has lapsed must not
	 * block correcting a typo.
	 */
	private List<Problem> check(AnnouncementDraft draft, boolean targeting, Announcement existing) {
		List<Problem> problems = new ArrayList<>();
		Instant now = this.clock.instant();
		if (targeting && !this.channels.callerMayPost(draft.channelId())) {
			problems.add(new Problem("channelId", "announcement.channel.notAllowed"));
		}
		if (draft.title() == null || draft.title().length() > 200) {
			problems.add(new Problem("title", "announcement.title.invalid"));
		}
		if (draft.summary() != null && draft.summary().length() > 500) {
			problems.add(new Problem("summary", "announcement.summary.tooLong"));
		}
		if (!StringUtils.hasText(draft.body()) || draft.body().length() > MAX_BODY) {
			problems.add(new Problem("body", "announcement.body.invalid"));
		}
		if (draft.priority() == null) {
			problems.add(new Problem("priority", "announcement.priority.required"));
		}
		Instant start = (draft.scheduledAt() != null && draft.scheduledAt().isAfter(now)) ? draft.scheduledAt() : now;
		if (targeting && draft.scheduledAt() != null && !draft.scheduledAt().isAfter(now)) {
			problems.add(new Problem("scheduledAt", "announcement.scheduledAt.future"));
		}
		if (draft.ackDueAt() != null && !draft.ackDueAt().isAfter(start)
				&& (existing == null || !draft.ackDueAt().equals(existing.getAckDueAt()))) {
			problems.add(new Problem("ackDueAt", "announcement.ackDueAt.afterPublishing"));
		}
		if (draft.expiresAt() != null && !draft.expiresAt().isAfter(start)
				&& (existing == null || !draft.expiresAt().equals(existing.getExpiresAt()))) {
			problems.add(new Problem("expiresAt", "announcement.expiresAt.afterPublishing"));
		}
		else if (draft.expiresAt() != null && draft.ackDueAt() != null
				&& draft.expiresAt().isBefore(draft.ackDueAt())) {
			problems.add(new Problem("expiresAt", "announcement.expiresAt.beforeDue"));
		}
		if (draft.pinnedUntil() != null && !draft.pinnedUntil().isAfter(now)
				&& (existing == null || !draft.pinnedUntil().equals(existing.getPinnedUntil()))) {
			problems.add(new Problem("pinnedUntil", "announcement.pinnedUntil.future"));
		}
		if (targeting) {
			Set<Long> departments = options(this.directory.departmentOptions()).keySet();
			if (!departments.containsAll(draft.departmentIds())) {
				problems.add(new Problem("departmentIds", "announcement.departments.unknown"));
			}
			Set<Long> locations = options(this.directory.locationOptions()).keySet();
			if (!locations.containsAll(draft.locationIds())) {
				problems.add(new Problem("locationIds", "announcement.locations.unknown"));
			}
		}
		return problems;
	}

	private static List<String> changedFields(Announcement announcement, AnnouncementDraft draft) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(announcement.getTitle(), draft.title())) {
			changed.add("title");
		}
		if (!Objects.equals(announcement.getSummary(), draft.summary())) {
			changed.add("summary");
		}
		if (!Objects.equals(announcement.getBody(), draft.body())) {
			changed.add("body");
		}
		if (!Objects.equals(announcement.getPinnedUntil(), draft.pinnedUntil())) {
			changed.add("pinnedUntil");
		}
		if (!Objects.equals(announcement.getExpiresAt(), draft.expiresAt())) {
			changed.add("expiresAt");
		}
		if (announcement.isAckRequired() && draft.ackDueAt() != null
				&& !Objects.equals(announcement.getAckDueAt(), draft.ackDueAt())) {
			changed.add("ackDueAt");
		}
		return changed;
	}

	private static String strip(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
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

	private static List<AudiencePreview.Group> groups(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> new AudiencePreview.Group(entry.getKey().isEmpty() ? null : entry.getKey(),
					entry.getValue()))
			.toList();
	}

	private record Revision(int revision, long editedBy, Instant editedAt, boolean material, String changedFields,
			String previousTitle) {

	}

	// People of one department and location an audience reaches.
	private record Cell(Long departmentId, Long locationId, long people) {

	}

}
