package io.herald.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.herald.channel.ChannelDetails;
import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelView;
import io.herald.channel.Channels;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * Test data for channels, made through {@link Channels} as a comms manager makes it and
 * as people subscribe themselves: channels of every kind with their owners and
 * publishers, subscriptions, archiving. Slugs and names are the caller's.
 */
public final class TestChannels {

	// A comms manager as the tests act: nobody of the directory (audit entries name
	// person 0).
	private static final Authentication COMMS_MANAGER = SignedIn.person(0, "ROLE_EMPLOYEE", "ROLE_COMMS_MANAGER");

	private final Channels channels;

	private final EmployeeDirectory directory;

	public TestChannels(Channels channels, EmployeeDirectory directory) {
		this.channels = channels;
		this.directory = directory;
	}

	/**
	 * The channels of a test's application context.
	 */
	public static TestChannels of(ApplicationContext context) {
		return new TestChannels(context.getBean(Channels.class), context.getBean(EmployeeDirectory.class));
	}

	/**
	 * An optional topic channel; nothing is written until {@link NewChannel#create()}.
	 */
	public NewChannel topic(String slug, String name) {
		return channel(ChannelKind.TOPIC, slug, name);
	}

	public NewChannel channel(ChannelKind kind, String slug, String name) {
		return new NewChannel(this, kind, slug, name, null, null, false, null);
	}

	/**
	 * These people subscribe to the topic themselves, each as they would on the channel
	 * list; as there, LateJoiners then hands them every post needing acknowledgement they
	 * now reach and never had.
	 */
	public void subscribe(long channelId, Collection<Long> employeeIds) {
		String slug = view(channelId).slug();
		for (long employeeId : employeeIds) {
			SignedIn.as(SignedIn.employee(employeeId), () -> this.channels.subscribe(slug));
		}
	}

	public void archive(long channelId) {
		SignedIn.as(COMMS_MANAGER, () -> this.channels.archive(channelId, true));
	}

	/**
	 * Makes a topic mandatory: everyone reads it, and who subscribed before stays
	 * subscribed.
	 */
	public void makeMandatory(long channelId) {
		change(channelId, true, null, null, null);
	}

	/**
	 * Has the channel's owners review posts before they go out.
	 */
	public void requireReview(long channelId) {
		change(channelId, null, true, null, null);
	}

	/**
	 * Names the channel's owners and publishers (replacing those it had).
	 */
	public void members(long channelId, Collection<Long> ownerIds, Collection<Long> publisherIds) {
		change(channelId, null, null, ownerIds, publisherIds);
	}

	private void change(long channelId, Boolean mandatory, Boolean requiresReview, Collection<Long> ownerIds,
			Collection<Long> publisherIds) {
		SignedIn.as(COMMS_MANAGER, () -> {
			ChannelView channel = view(channelId);
			this.channels.save(new ChannelDetails(channel.id(), channel.version(), channel.slug(), channel.name(),
					channel.description(), channel.kind(), channel.departmentId(), channel.locationId(),
					(mandatory != null) ? mandatory : channel.mandatory(),
					(requiresReview != null) ? requiresReview : channel.requiresReview(),
					emails((ownerIds != null) ? ownerIds : channel.owners()),
					emails((publisherIds != null) ? publisherIds : channel.publishers())));
		});
	}

	private ChannelView view(long channelId) {
		return SignedIn.as(COMMS_MANAGER, () -> this.channels.find(channelId).orElseThrow());
	}

	private List<String> emails(Collection<Long> employeeIds) {
		Map<Long, EmployeeSummary> people = SignedIn.as(COMMS_MANAGER, () -> this.directory.findSummaries(employeeIds));
		return employeeIds.stream().map((id) -> people.get(id).email()).toList();
	}

	private long create(NewChannel channel) {
		List<String> owners = (channel.ownerId() != null) ? emails(List.of(channel.ownerId())) : List.of();
		return SignedIn.as(COMMS_MANAGER,
				() -> this.channels.save(new ChannelDetails(null, 0, channel.slug(), channel.name(), null,
						channel.kind(), channel.departmentId(), channel.locationId(), channel.mandatory(), false,
						owners, List.of())));
	}

	/**
	 * A channel about to be made: where it reaches, whether everyone must read it, who
	 * owns it.
	 */
	public record NewChannel(TestChannels channels, ChannelKind kind, String slug, String name, Long departmentId,
			Long locationId, boolean mandatory, Long ownerId) {

		/**
		 * Reaches this department or location (for those kinds).
		 */
		public NewChannel of(Long departmentId, Long locationId) {
			return new NewChannel(this.channels, this.kind, this.slug, this.name, departmentId, locationId,
					this.mandatory, this.ownerId);
		}

		public NewChannel mandatory(boolean mandatory) {
			return new NewChannel(this.channels, this.kind, this.slug, this.name, this.departmentId, this.locationId,
					mandatory, this.ownerId);
		}

		/**
		 * Owned by this person (or by nobody when {@code null}).
		 */
		public NewChannel ownedBy(Long ownerId) {
			return new NewChannel(this.channels, this.kind, this.slug, this.name, this.departmentId, this.locationId,
					this.mandatory, ownerId);
		}

		/**
		 * Makes the channel and returns its id.
		 */
		public long create() {
			return this.channels.create(this);
		}

	}

}
