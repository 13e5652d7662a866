package io.herald.announcement.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.herald.announcement.AnnouncementDetails;
import io.herald.announcement.AnnouncementDraft;
import io.herald.announcement.Priority;
import io.herald.shared.Zones;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;

/**
 * The author's editor. Dates stay text in the author's own zone (as a
 * {@code datetime-local} input sends them) until submitted, so a bad one comes back as a
 * message on its field; they become instants only here.
 */
class AnnouncementForm {

	private Long channelId;

	@SingleLine
	private String title;

	@MultiLine
	private String summary;

	@MultiLine
	private String body;

	private Priority priority = Priority.INFO;

	private boolean ackRequired = Priority.INFO.ackRequiredByDefault();

	@SingleLine
	private String ackDueAt;

	private List<Long> departmentIds = new ArrayList<>();

	private List<Long> locationIds = new ArrayList<>();

	@SingleLine
	private String pinnedUntil;

	@SingleLine
	private String expiresAt;

	@SingleLine
	private String scheduledAt;

	private boolean material;

	private long version;

	static AnnouncementForm of(AnnouncementDetails details, ZoneId zone) {
		AnnouncementForm form = new AnnouncementForm();
		form.channelId = details.targeting().channelId();
		form.title = details.content().title();
		form.summary = details.content().summary();
		form.body = details.content().body();
		form.priority = details.content().priority();
		form.ackRequired = details.tracking().ackRequired();
		form.ackDueAt = local(details.tracking().ackDueAt(), zone);
		form.departmentIds = new ArrayList<>(details.targeting().departmentIds());
		form.locationIds = new ArrayList<>(details.targeting().locationIds());
		form.pinnedUntil = local(details.schedule().pinnedUntil(), zone);
		form.expiresAt = local(details.schedule().expiresAt(), zone);
		form.scheduledAt = local(details.schedule().scheduledAt(), zone);
		form.version = details.version();
		return form;
	}

	/**
	 * The draft, or null after rejecting the dates that could not be read.
	 */
	AnnouncementDraft toDraft(ZoneId zone, BindingResult result) {
		Instant ackDue = instant(this.ackDueAt, "ackDueAt", zone, result);
		Instant pinned = instant(this.pinnedUntil, "pinnedUntil", zone, result);
		Instant expires = instant(this.expiresAt, "expiresAt", zone, result);
		Instant scheduled = instant(this.scheduledAt, "scheduledAt", zone, result);
		if (result.hasErrors()) {
			return null;
		}
		return new AnnouncementDraft((this.channelId != null) ? this.channelId : 0L, this.title, this.summary,
				this.body, this.priority, this.ackRequired, ackDue, new HashSet<>(nonNull(this.departmentIds)),
				new HashSet<>(nonNull(this.locationIds)), pinned, expires, scheduled, this.version);
	}

	/**
	 * An instant as a {@code datetime-local} value in a zone, to the minute.
	 */
	static String local(Instant instant, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static Instant instant(String text, String field, ZoneId zone, BindingResult result) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return Zones.toInstant(LocalDateTime.parse(text.strip()), zone);
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "announcement.dateTime.invalid");
			return null;
		}
	}

	private static List<Long> nonNull(List<Long> ids) {
		return (ids != null) ? ids.stream().filter((id) -> id != null).toList() : List.of();
	}

	public Long getChannelId() {
		return this.channelId;
	}

	public void setChannelId(Long channelId) {
		this.channelId = channelId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public boolean isAckRequired() {
		return this.ackRequired;
	}

	public void setAckRequired(boolean ackRequired) {
		this.ackRequired = ackRequired;
	}

	public String getAckDueAt() {
		return this.ackDueAt;
	}

	public void setAckDueAt(String ackDueAt) {
		this.ackDueAt = ackDueAt;
	}

	public List<Long> getDepartmentIds() {
		return this.departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds;
	}

	public List<Long> getLocationIds() {
		return this.locationIds;
	}

	public void setLocationIds(List<Long> locationIds) {
		this.locationIds = locationIds;
	}

	public String getPinnedUntil() {
		return this.pinnedUntil;
	}

	public void setPinnedUntil(String pinnedUntil) {
		this.pinnedUntil = pinnedUntil;
	}

	public String getExpiresAt() {
		return this.expiresAt;
	}

	public void setExpiresAt(String expiresAt) {
		this.expiresAt = expiresAt;
	}

	public String getScheduledAt() {
		return this.scheduledAt;
	}

	public void setScheduledAt(String scheduledAt) {
		this.scheduledAt = scheduledAt;
	}

	public boolean isMaterial() {
		return this.material;
	}

	public void setMaterial(boolean material) {
		this.material = material;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
