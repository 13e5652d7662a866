package io.herald.announcement;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "announcements")
class Announcement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long channelId;

	private long authorId;

	private String title;

	private String summary;

	private String body;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	@Enumerated(EnumType.STRING)
	private AnnouncementStatus status;

	private boolean ackRequired;

	private Instant ackDueAt;

	private Instant pinnedUntil;

	private Instant expiresAt;

	private Instant scheduledAt;

	private Instant publishedAt;

	private boolean publishedLate;

	private Instant archivedAt;

	private Instant submittedAt;

	private Long reviewerId;

	private Instant reviewedAt;

	private String reviewComment;

	private int revision = 1;

	private int ackRevision = 1;

	private Integer recipients;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "announcement_departments", joinColumns = @JoinColumn(name = "announcement_id"))
	@Column(name = "department_id")
	private Set<Long> departmentIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "announcement_locations", joinColumns = @JoinColumn(name = "announcement_id"))
	@Column(name = "location_id")
	private Set<Long> locationIds = new HashSet<>();

	protected Announcement() {
	}

	Announcement(long authorId, Instant now) {
		this.authorId = authorId;
		this.status = AnnouncementStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Takes what the author entered. Content and targeting only: the status moves through
	 * the lifecycle methods.
	 */
	void write(AnnouncementDraft draft, Instant now) {
		this.channelId = draft.channelId();
		this.title = draft.title();
		this.summary = draft.summary();
		this.body = draft.body();
		this.priority = draft.priority();
		this.ackRequired = draft.ackRequired();
		this.ackDueAt = draft.ackRequired() ? draft.ackDueAt() : null;
		this.pinnedUntil = draft.pinnedUntil();
		this.expiresAt = draft.expiresAt();
		this.scheduledAt = draft.scheduledAt();
		this.departmentIds.clear();
		this.departmentIds.addAll(draft.departmentIds());
		this.locationIds.clear();
		this.locationIds.addAll(draft.locationIds());
		this.updatedAt = now;
	}

	/**
	 * Changes a published post's words and dates; targeting stays as published.
	 */
	void revise(AnnouncementDraft draft, boolean material, Instant now) {
		this.title = draft.title();
		this.summary = draft.summary();
		this.body = draft.body();
		this.pinnedUntil = draft.pinnedUntil();
		this.expiresAt = draft.expiresAt();
		if (this.ackRequired && draft.ackDueAt() != null) {
			this.ackDueAt = draft.ackDueAt();
		}
		this.revision++;
		if (material) {
			this.ackRevision = this.revision;
		}
		this.updatedAt = now;
	}

	void moveTo(AnnouncementStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
		if (status == AnnouncementStatus.IN_REVIEW) {
			this.submittedAt = now;
			this.reviewComment = null;
		}
		if (status == AnnouncementStatus.ARCHIVED) {
			this.archivedAt = now;
		}
	}

	void reviewed(long reviewerId, String comment, Instant now) {
		this.reviewerId = reviewerId;
		this.reviewComment = comment;
		this.reviewedAt = now;
	}

	Long getId() {
		return this.id;
	}

	long getChannelId() {
		return this.channelId;
	}

	long getAuthorId() {
		return this.authorId;
	}

	String getTitle() {
		return this.title;
	}

	String getSummary() {
		return this.summary;
	}

	String getBody() {
		return this.body;
	}

	Priority getPriority() {
		return this.priority;
	}

	AnnouncementStatus getStatus() {
		return this.status;
	}

	boolean isAckRequired() {
		return this.ackRequired;
	}

	Instant getAckDueAt() {
		return this.ackDueAt;
	}

	Instant getPinnedUntil() {
		return this.pinnedUntil;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getScheduledAt() {
		return this.scheduledAt;
	}

	Instant getPublishedAt() {
		return this.publishedAt;
	}

	boolean isPublishedLate() {
		return this.publishedLate;
	}

	Instant getArchivedAt() {
		return this.archivedAt;
	}

	Instant getSubmittedAt() {
		return this.submittedAt;
	}

	Long getReviewerId() {
		return this.reviewerId;
	}

	Instant getReviewedAt() {
		return this.reviewedAt;
	}

	String getReviewComment() {
		return this.reviewComment;
	}

	int getRevision() {
		return this.revision;
	}

	int getAckRevision() {
		return this.ackRevision;
	}

	Integer getRecipients() {
		return this.recipients;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	long getVersion() {
		return this.version;
	}

	Set<Long> getDepartmentIds() {
		return this.departmentIds;
	}

	Set<Long> getLocationIds() {
		return this.locationIds;
	}

}
