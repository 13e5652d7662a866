package io.herald.channel.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.herald.channel.ChannelDetails;
import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelView;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

/**
 * The channel form: the address and kind only when creating; owners and publishers as
 * e-mail addresses, one per line or separated by commas.
 */
class ChannelForm {

	private Long id;

	private long version;

	@SingleLine
	private String slug;

	@SingleLine
	private String name;

	@MultiLine
	private String description;

	private ChannelKind kind;

	private Long departmentId;

	private Long locationId;

	private boolean mandatory;

	private boolean requiresReview;

	@MultiLine
	private String ownerEmails;

	@MultiLine
	private String publisherEmails;

	static ChannelForm of(ChannelView channel, Collection<String> owners, Collection<String> publishers) {
		ChannelForm form = new ChannelForm();
		form.id = channel.id();
		form.version = channel.version();
		form.slug = channel.slug();
		form.name = channel.name();
		form.description = channel.description();
		form.kind = channel.kind();
		form.departmentId = channel.departmentId();
		form.locationId = channel.locationId();
		form.mandatory = channel.mandatory();
		form.requiresReview = channel.requiresReview();
		form.ownerEmails = String.join("\n", owners);
		form.publisherEmails = String.join("\n", publishers);
		return form;
	}

	ChannelDetails toDetails() {
		return new ChannelDetails(this.id, this.version, this.slug, this.name, this.description, this.kind,
				this.departmentId, this.locationId, this.mandatory, this.requiresReview, emails(this.ownerEmails),
				emails(this.publisherEmails));
	}

	static List<String> emails(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter((e) -> !e.isEmpty()).toList();
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public ChannelKind getKind() {
		return this.kind;
	}

	public void setKind(ChannelKind kind) {
		this.kind = kind;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getLocationId() {
		return this.locationId;
	}

	public void setLocationId(Long locationId) {
		this.locationId = locationId;
	}

	public boolean isMandatory() {
		return this.mandatory;
	}

	public void setMandatory(boolean mandatory) {
		this.mandatory = mandatory;
	}

	public boolean isRequiresReview() {
		return this.requiresReview;
	}

	public void setRequiresReview(boolean requiresReview) {
		this.requiresReview = requiresReview;
	}

	public String getOwnerEmails() {
		return this.ownerEmails;
	}

	public void setOwnerEmails(String ownerEmails) {
		this.ownerEmails = ownerEmails;
	}

	public String getPublisherEmails() {
		return this.publisherEmails;
	}

	public void setPublisherEmails(String publisherEmails) {
		this.publisherEmails = publisherEmails;
	}

}
