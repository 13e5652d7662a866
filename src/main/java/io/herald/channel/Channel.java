package io.herald.channel;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "channels")
class Channel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private String description;

	@Enumerated(EnumType.STRING)
	private ChannelKind kind;

	private Long departmentId;

	private Long locationId;

	private boolean mandatory;

	private boolean requiresReview;

	private boolean archived;

	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "channel_members", joinColumns = @JoinColumn(name = "channel_id"))
	@MapKeyColumn(name = "employee_id")
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Map<Long, ChannelRole> members = new HashMap<>();

	protected Channel() {
	}

	Channel(String slug, ChannelKind kind, Long departmentId, Long locationId, Instant now) {
		this.slug = slug;
		this.kind = kind;
		this.departmentId = departmentId;
		this.locationId = locationId;
		this.createdAt = now;
	}

	void describe(String name, String description, boolean mandatory, boolean requiresReview) {
		this.name = name;
		this.description = description;
		this.mandatory = this.kind == ChannelKind.TOPIC && mandatory;
		this.requiresReview = requiresReview;
	}

	void replaceMembers(Map<Long, ChannelRole> members) {
		this.members.clear();
		this.members.putAll(members);
	}

	void archive(boolean archived) {
		this.archived = archived;
	}

	ChannelView toView() {
		return new ChannelView(this.id, this.slug, this.name, this.description, this.kind, this.departmentId,
				this.locationId, this.mandatory, this.requiresReview, this.archived, Map.copyOf(this.members),
				this.version);
	}

	Long getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	ChannelKind getKind() {
		return this.kind;
	}

	boolean isArchived() {
		return this.archived;
	}

	Map<Long, ChannelRole> getMembers() {
		return this.members;
	}

	long getVersion() {
		return this.version;
	}

}
