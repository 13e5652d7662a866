package io.herald.announcement.web;

import java.util.List;

import io.herald.announcement.AnnouncementPage;
import io.herald.announcement.Feed;
import io.herald.announcement.FeedPage;
import io.herald.channel.ChannelLink;
import io.herald.channel.ChannelHeading;
import io.herald.channel.Channels;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an employee reads: their feed, one post (opening it records the read), and one
 * channel's posts.
 */
@Controller
class FeedController {

	static final int PAGE_SIZE = 20;

	private final Feed feed;

	private final Channels channels;

	FeedController(Feed feed, Channels channels) {
		this.feed = feed;
		this.channels = channels;
	}

	@GetMapping("/feed")
	String feed(@RequestParam(name = "channel", required = false) String channel,
			@RequestParam(name = "cursor", required = false) String cursor, Model model) {
		String slug = StringUtils.hasText(channel) ? channel.strip() : null;
		FeedPage page = this.feed.page(slug, cursor, PAGE_SIZE);
		List<ChannelLink> mine = this.channels.reachingCaller();
		model.addAttribute("feed", page);
		model.addAttribute("channel", slug);
		model.addAttribute("channels", mine);
		model.addAttribute("firstPage", !StringUtils.hasText(cursor));
		return "feed/index";
	}

	@GetMapping("/announcements/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		AnnouncementPage post = this.feed.open(id);
		// The layout counts unread posts after this, so this opening is counted as read.
		model.addAttribute("post", post);
		return "announcements/show";
	}

	@GetMapping("/channels/{slug}")
	String channel(@PathVariable String slug, @RequestParam(name = "cursor", required = false) String cursor,
			Model model) {
		ChannelHeading channel = this.channels.headingForCaller(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("channel", channel);
		model.addAttribute("reachesMe", channel.reachesCaller());
		model.addAttribute("feed", this.feed.page(channel.slug(), cursor, PAGE_SIZE));
		model.addAttribute("firstPage", !StringUtils.hasText(cursor));
		return "channels/show";
	}

}
