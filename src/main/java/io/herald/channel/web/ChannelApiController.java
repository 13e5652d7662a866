package io.herald.channel.web;

import java.util.List;

import io.herald.channel.ChannelKind;
import io.herald.channel.ChannelListing;
import io.herald.channel.Channels;
import io.herald.shared.SignedInPerson;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channels for API clients: every channel that is not archived, by name, with the
 * contract's {@code id, slug, name, kind} and what the caller may do there. A client
 * posts with the {@code slug}.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelApiController {

	private final Channels channels;

	ChannelApiController(Channels channels) {
		this.channels = channels;
	}

	/**
	 * One channel. {@code reachesMe}: its posts reach the caller; {@code mayPost}: the
	 * caller may post there; {@code requiresReview}: posts need a reviewer before they go
	 * out, so publishing a draft directly is refused.
	 */
	record Item(long id, String slug, String name, ChannelKind kind, boolean mandatory, boolean requiresReview,
			boolean reachesMe, boolean subscribed, boolean mayPost) {

		static Item of(ChannelListing listing) {
			return new Item(listing.channel().id(), listing.channel().slug(), listing.channel().name(),
					listing.channel().kind(), listing.channel().mandatory(), listing.channel().requiresReview(),
					listing.reachesMe(), listing.subscribed(), listing.mayPost());
		}

	}

	@GetMapping
	List<Item> list(@AuthenticationPrincipal SignedInPerson caller) {
		return this.channels.listFor(caller).stream().map(Item::of).toList();
	}

}
