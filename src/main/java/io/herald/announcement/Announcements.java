package io.herald.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.herald.audit.AuditLog;
import io.herald.channel.Channels;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.Callers;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.MultiLine;
import io.herald.shared.SignedInPerson;
import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The lifecycle of an announcement: write, target, review, schedule, publish, revise and
 * archive it. Every move is checked against {@link Lifecycle} and the caller's rights
 * here, whatever the route, and audited. What the desk shows is {@link AnnouncementDesk};
 * the crisis module's alerts go through {@link CrisisAlerts}.
 */
@Service
public class Announcements {

	static final int MAX_BODY = 50_000;

	private final AnnouncementRepository announcements;

	private final AnnouncementAccess access;

	private final Audiences audiences;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final Publishing publishing;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CommsManagers commsManagers;

	Announcements(AnnouncementRepository announcements, AnnouncementAccess access, Audiences audiences,
			Channels channels, EmployeeDirectory directory, Publishing publishing, AuditLog audit, JdbcClient jdbc,
			EntityManager entityManager, Clock clock, ApplicationEventPublisher events, CommsManagers commsManagers) {
		this.announcements = announcements;
		this.access = access;
		this.audiences = audiences;
		this.channels = channels;
		this.directory = directory;
		this.publishing = publishing;
		this.audit = audit;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
		this.events = events;
		this.commsManagers = commsManagers;
	}

	/**
	 * Saves a new draft and returns its id.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public long create(AnnouncementDraft draft) {
		SignedInPerson caller = Callers.require();
		AnnouncementDraft cleaned = draft.cleaned();
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
		return check(draft.cleaned(), true, null);
	}

	/**
	 * Changes a draft (or one sent back for changes).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void update(long id, AnnouncementDraft draft) {
		Announcement announcement = this.access.load(id);
		this.access.transition(announcement, AnnouncementAction.EDIT);
		requireVersion(announcement, draft.version());
		AnnouncementDraft cleaned = draft.cleaned();
		InvalidChange.refuseIfAny(check(cleaned, true, null));
		announcement.write(cleaned, this.clock.instant());
		this.audit.record("announcement.edited", "announcement", id, cleaned.title());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void submit(long id) {
		Announcement announcement = this.access.load(id);
		AnnouncementStatus next = this.access.transition(announcement, AnnouncementAction.SUBMIT);
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
		Announcement announcement = this.access.load(id);
		announcement.moveTo(this.access.transition(announcement, AnnouncementAction.WITHDRAW), this.clock.instant());
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
		Announcement announcement = this.access.load(id);
		this.access.transition(announcement, AnnouncementAction.APPROVE);
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
		Announcement announcement = this.access.load(id);
		AnnouncementStatus next = this.access.transition(announcement, AnnouncementAction.REQUEST_CHANGES);
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
		Announcement announcement = this.access.load(id);
		this.access.transition(announcement, AnnouncementAction.PUBLISH);
		requireReady(announcement);
		return publishNow(announcement, this.clock.instant());
	}

	/**
	 * Schedules a post for the time its draft names, which must be ahead.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void schedule(long id) {
		Announcement announcement = this.access.load(id);
		AnnouncementStatus next = this.access.transition(announcement, AnnouncementAction.SCHEDULE);
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
		Announcement announcement = this.access.load(id);
		announcement.moveTo(this.access.transition(announcement, AnnouncementAction.UNSCHEDULE), this.clock.instant());
		this.audit.record("announcement.unscheduled", "announcement", id, null);
	}

	/**
	 * Edits a published post, keeping the previous words as a revision. A material change
	 * asks everyone to acknowledge again.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void revise(long id, AnnouncementDraft draft, boolean material) {
		Announcement announcement = this.access.load(id);
		this.access.transition(announcement, AnnouncementAction.REVISE);
		requireVersion(announcement, draft.version());
		AnnouncementDraft cleaned = draft.cleaned();
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
		Announcement announcement = this.access.load(id);
		announcement.moveTo(this.access.transition(announcement, AnnouncementAction.ARCHIVE), this.clock.instant());
		this.audit.record("announcement.archived", "announcement", id, null);
	}

	/**
	 * Deletes a draft that never went out.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void discard(long id) {
		Announcement announcement = this.access.load(id);
		this.access.transition(announcement, AnnouncementAction.DISCARD);
		this.announcements.delete(announcement);
		this.audit.record("announcement.discarded", "announcement", id, announcement.getTitle());
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
		this.entityManager.flush();
		long id = announcement.getId();
		// Publishing writes with SQL; the entity must not be written again afterwards.
		this.entityManager.detach(announcement);
		return this.publishing.publish(id, now, false)
			.orElseThrow(() -> new InvalidChange(null, "announcement.refused.publish"));
	}

	/**
	 * Who may review this post, as {@link AnnouncementAccess#actor} decides it: the
	 * channel's owners and the communications managers, never its author.
	 */
	private Set<Long> reviewers(Announcement announcement) {
		Set<Long> reviewers = new HashSet<>(this.commsManagers.employeeIds());
		this.channels.find(announcement.getChannelId()).ifPresent((channel) -> reviewers.addAll(channel.owners()));
		reviewers.remove(announcement.getAuthorId());
		return reviewers;
	}

	/**
	 * A post goes out only to someone: an audience of nobody is refused before review,
	 * scheduling or publishing.
	 */
	private void requireReady(Announcement announcement) {
		if (this.audiences
			.preview(announcement.getChannelId(), announcement.getDepartmentIds(), announcement.getLocationIds())
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

	private static Map<Long, String> options(List<DirectoryOption> options) {
		return options.stream().collect(Collectors.toMap(DirectoryOption::id, DirectoryOption::name));
	}

}
