package io.herald.insight;

import java.util.List;

/**
 * Why a channel needs attention, with what the sentence saying why needs: the message
 * {@code insight.flag.<kind>.<reason>} worded with {@code arguments}.
 */
public record ChannelFlag(Kind kind, String reason, List<Object> arguments) {

	public enum Kind {

		/** No post for a long time. */
		DORMANT,

		/** Far more posts than the median channel while its read rate falls. */
		OVER_USED,

		/** Read rate well below the organisation's. */
		LOW_REACH

	}

	/**
	 * The message key of the sentence saying why.
	 */
	public String key() {
		return "insight.flag." + this.kind.name().toLowerCase(java.util.Locale.ROOT) + "." + this.reason;
	}

	public Object[] args() {
		return this.arguments.toArray();
	}

}
