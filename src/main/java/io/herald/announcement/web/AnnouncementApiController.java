package io.herald.announcement.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.herald.announcement.AnnouncementDesk;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.AnnouncementNotFound;
import io.herald.announcement.AnnouncementPage;
import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Announcements;
import io.herald.announcement.Feed;
import io.herald.announcement.Priority;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Announcements for API clients: write a draft (and schedule it), publish it, submit it
 * for review, approve it or request changes as its reviewer, read one as a recipient. The
 * same services and rules as the authoring desk; bad input is 422 with an error per
 * field, a move the post's state or channel does not allow is 409, a channel the caller
 * may not post to or a review they may not give (not a reviewer there, or their own post)
 * is 403, and a post the caller may not see is 404 whether or not it exists.
 *
 * <p>
 * Decisions the contract leaves open:
 * <ul>
 * <li>{@code departments} and {@code locations} are names as the directory spells them
 * (case-insensitive), or their numeric ids (JSON numbers or strings).</li>
 * <li>{@code ackRequired} left out means the priority's default (IMPORTANT and CRITICAL
 * ask for acknowledgement); a missing {@code ackDueAt} is the priority's default window
 * from publishing.</li>
 * <li>Times are ISO-8601 with an offset, e.g. {@code 2026-12-01T09:00:00Z}.</li>
 * <li>Creating answers {@code DRAFT}, or {@code SCHEDULED} when {@code scheduledAt} is
 * given and the channel needs no review: the post then goes out at that time by itself.
 * On a channel with review the draft keeps the time; submitting it for review and the
 * reviewer's approval release it then.</li>
 * <li>Publishing publishes now, whatever {@code scheduledAt} says.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/announcements")
class AnnouncementApiController {

	private final Announcements announcements;

	private final AnnouncementDesk desk;

	private final Feed feed;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final ApiProblems problems;

	AnnouncementApiController(Announcements announcements, AnnouncementDesk desk, Feed feed, Channels channels,
			EmployeeDirectory directory, ApiProblems problems) {
		this.announcements = announcements;
		this.desk = desk;
		this.feed = feed;
		this.channels = channels;
		this.directory = directory;
		this.problems = problems;
	}

	/**
	 * A new announcement: {@code channel} is a slug, {@code body} Markdown; the rest as
	 * in the class comment.
	 */
	record NewAnnouncement(@SingleLine String channel, @SingleLine String title, @MultiLine String summary,
			@MultiLine String body, @SingleLine String priority, Boolean ackRequired, @SingleLine String ackDueAt,
			List<Object> departments, List<Object> locations, @SingleLine String scheduledAt,
			@SingleLine String expiresAt, @SingleLine String pinnedUntil) {

	}

	record Created(long id, AnnouncementStatus status) {

	}

	record Moved(long id, AnnouncementStatus status) {

	}

	record Published(long id, AnnouncementStatus status, int recipients) {

	}

	/**
	 * An approval: {@code version}, when given, is the version the reviewer read (as
	 * {@code GET} on the desk shows it); approving a post that changed since is refused.
	 */
	record Approval(Long version) {

	}

	/**
	 * Changes asked of the author: what should change, up to 2,000 characters.
	 */
	record ChangeRequest(@MultiLine String comment) {

	}

	/**
	 * One announcement as its reader sees it; {@code bodyHtml} is rendered and sanitised.
	 */
	record Reading(long id, String title, String summary, String bodyHtml, Priority priority, String channel,
			String channelName, String author, Instant publishedAt, int revision, AnnouncementStatus status,
			boolean expired, boolean recipient, Instant readAt, boolean ackRequired, boolean acknowledged,
			Instant acknowledgedAt, Instant ackDueAt, boolean overdue) {

		static Reading of(AnnouncementPage page) {
			return new Reading(page.id(), page.title(), page.summary(), page.bodyHtml(), page.priority(),
					page.channelSlug(), page.channelName(), page.authorName(), page.publishedAt(), page.revision(),
					page.status(), page.expired(), page.recipient(), page.readAt(), page.ackRequired(),
					page.acknowledged(), page.acknowledgedAt(), page.ackDueAt(), page.overdue());
		}

	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> create(@Valid @RequestBody NewAnnouncement request) {
		List<Problem> found = new ArrayList<>();
		Optional<ChannelView> channel = Optional.ofNullable(request.channel())
			.map(String::strip)
			.filter((slug) -> !slug.isEmpty())
			.flatMap(this.channels::findBySlug)
			.filter((c) -> !c.archived());
		if (channel.isEmpty()) {
			found.add(new Problem("channel", "announcement.api.channel.unknown"));
		}
		else if (!this.channels.callerMayPost(channel.get().id())) {
			return this.problems.forbidden("announcement.api.channel.forbidden");
		}
		Priority priority = priority(request.priority(), found);
		Set<Long> departments = resolve(request.departments(), this.directory.departmentOptions(), "departments",
				"announcement.api.department.unknown", found);
		Set<Long> locations = resolve(request.locations(), this.directory.locationOptions(), "locations",
				"announcement.api.location.unknown", found);
		Instant ackDueAt = time(request.ackDueAt(), "ackDueAt", found);
		Instant scheduledAt = time(request.scheduledAt(), "scheduledAt", found);
		Instant expiresAt = time(request.expiresAt(), "expiresAt", found);
		Instant pinnedUntil = time(request.pinnedUntil(), "pinnedUntil", found);
		boolean ackRequired = (request.ackRequired() != null) ? request.ackRequired()
				: priority != null && priority.ackRequiredByDefault();
		AnnouncementDraft draft = new AnnouncementDraft(channel.map(ChannelView::id).orElse(-1L), request.title(),
				request.summary(), request.body(), priority, ackRequired, ackDueAt, departments, locations, pinnedUntil,
				expiresAt, scheduledAt, 0);
		Set<String> reported = new LinkedHashSet<>(found.stream().map(Problem::field).toList());
		for (Problem problem : this.announcements.problems(draft)) {
			String field = ApiProblems.apiField(problem.field());
			// Unreadable values were reported as such; the service saw them missing.
			if (!reported.contains(field)
					&& !(problem.code().equals("announcement.priority.required") && reported.contains("priority"))) {
				found.add(problem);
			}
		}
		boolean schedule = scheduledAt != null && channel.isPresent() && !channel.get().requiresReview();
		if (found.isEmpty() && schedule) {
			// Everything scheduling checks, asked before anything is saved: a
			// call that cannot schedule is refused whole and leaves no draft
			// and no audit trail. problems(draft) has already held scheduledAt
			// to the future.
			found.addAll(schedulingProblems(draft));
		}
		if (!found.isEmpty()) {
			return this.problems.invalid(found);
		}
		long id;
		try {
			// Creating and scheduling are one transaction: a refusal leaves
			// nothing behind.
			id = schedule ? this.announcements.createScheduled(draft) : this.announcements.create(draft);
		}
		catch (InvalidChange refused) {
			return this.problems.invalid(refused.problems());
		}
		AnnouncementStatus status = schedule ? AnnouncementStatus.SCHEDULED : AnnouncementStatus.DRAFT;
		return ResponseEntity.created(URI.create("/api/v1/announcements/" + id)).body(new Created(id, status));
	}

	/**
	 * Publishes now. No body is needed; one that is sent must be JSON.
	 */
	@PostMapping("/{id:\\d+}/publish")
	ResponseEntity<?> publish(@PathVariable long id) {
		try {
			int recipients = this.announcements.publish(id);
			return ResponseEntity.ok(new Published(id, AnnouncementStatus.PUBLISHED, recipients));
		}
		catch (InvalidChange refused) {
			return refusal(refused);
		}
	}

	/**
	 * Sends a draft on a channel with review to its reviewers.
	 */
	@PostMapping("/{id:\\d+}/submit")
	ResponseEntity<?> submit(@PathVariable long id) {
		try {
			this.announcements.submit(id);
			return ResponseEntity.ok(new Moved(id, AnnouncementStatus.IN_REVIEW));
		}
		catch (InvalidChange refused) {
			return refusal(refused);
		}
	}

	/**
	 * Approves a post in review, as the desk does: only its channel's owners and the
	 * communications managers, never its author. It goes out now, or waits for its
	 * scheduled time when that is still ahead; the answer says which. No body is needed;
	 * one that is sent must be JSON.
	 */
	@PostMapping("/{id:\\d+}/approve")
	ResponseEntity<?> approve(@PathVariable long id, @RequestBody(required = false) Approval approval) {
		long version = (approval != null && approval.version() != null) ? approval.version()
				: this.desk.details(id).version();
		try {
			return ResponseEntity.ok(new Moved(id, this.announcements.approve(id, version)));
		}
		catch (InvalidChange refused) {
			return refusal(refused);
		}
	}

	/**
	 * Sends a post in review back to its author with a comment, as the desk does; an
	 * empty comment is 422 naming {@code comment}.
	 */
	@PostMapping(path = "/{id:\\d+}/request-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> requestChanges(@PathVariable long id,
			@Valid @RequestBody(required = false) ChangeRequest change) {
		try {
			this.announcements.requestChanges(id, (change != null) ? change.comment() : null);
			return ResponseEntity.ok(new Moved(id, AnnouncementStatus.CHANGES_REQUESTED));
		}
		catch (InvalidChange refused) {
			// The comment is the request's fault, not the post's state.
			if (refused.problems().stream().anyMatch((p) -> "comment".equals(p.field()))) {
				return this.problems.invalid(refused.problems());
			}
			return refusal(refused);
		}
	}

	/**
	 * Reads one announcement as the reader view does: a recipient's first reading is
	 * recorded as their read, exactly as opening it in the browser. HR and the channel's
	 * managers may read posts not sent to them (nothing is recorded then); anyone else
	 * gets 404.
	 */
	@GetMapping("/{id:\\d+}")
	Reading read(@PathVariable long id) {
		return Reading.of(this.feed.open(id));
	}

	@ExceptionHandler(AnnouncementNotFound.class)
	ResponseEntity<ProblemDetail> notFound() {
		return this.problems.notFound();
	}

	/**
	 * What {@link Announcements#schedule} would refuse in a draft that {@code problems}
	 * accepts: an audience of nobody.
	 */
	private List<Problem> schedulingProblems(AnnouncementDraft draft) {
		if (this.desk.audience(draft.channelId(), draft.departmentIds(), draft.locationIds()).recipients() == 0) {
			return List.of(new Problem(null, "announcement.audience.empty"));
		}
		return List.of();
	}

	private ResponseEntity<ProblemDetail> refusal(InvalidChange refused) {
		for (String code : List.of("announcement.refused.notPoster", "announcement.refused.notReviewer",
				"announcement.refused.ownReview")) {
			if (refused.problems().stream().anyMatch((p) -> p.code().equals(code))) {
				return this.problems.forbidden(code);
			}
		}
		return this.problems.refused(refused.problems());
	}

	private static Priority priority(String text, List<Problem> found) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Priority.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			found.add(new Problem("priority", "announcement.api.priority.invalid"));
			return null;
		}
	}

	private static Set<Long> resolve(List<Object> given, List<DirectoryOption> options, String field, String code,
			List<Problem> found) {
		Set<Long> ids = new LinkedHashSet<>();
		if (given == null) {
			return ids;
		}
		for (Object value : given) {
			String wanted = (value != null) ? value.toString().strip() : "";
			Optional<DirectoryOption> match = options.stream()
				.filter((option) -> option.name().equalsIgnoreCase(wanted) || Long.toString(option.id()).equals(wanted))
				.findFirst();
			if (match.isPresent()) {
				ids.add(match.get().id());
			}
			else {
				found.add(new Problem(field, code, wanted));
			}
		}
		return ids;
	}

	private static Instant time(String text, String field, List<Problem> found) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			found.add(new Problem(field, "announcement.api.time.invalid"));
			return null;
		}
	}

}
