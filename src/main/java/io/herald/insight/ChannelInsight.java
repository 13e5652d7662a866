package io.herald.insight;

import java.time.Instant;
import java.util.List;

import io.herald.channel.ChannelKind;

/**
 * One channel on the map: who it reaches now, its posts in the window and their figures,
 * its last post ever, and its flags with why.
 */
public record ChannelInsight(long id, String slug, String name, ChannelKind kind, long audience, int posts,
		Instant lastPost, Figures figures, ReadTime median, List<ChannelFlag> flags) {

	public boolean flagged(ChannelFlag.Kind kind) {
		return this.flags.stream().anyMatch((flag) -> flag.kind() == kind);
	}

}
