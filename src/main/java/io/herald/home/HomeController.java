package io.herald.home;

import io.herald.account.AccountService;
import io.herald.account.HeraldUser;
import io.herald.shared.Role;
import io.herald.announcement.Feed;
import io.herald.channel.ChannelLink;
import io.herald.channel.Channels;
import io.herald.directory.EmployeeDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Home is the feed, with panels that fit the role beside it: everyone sees themselves and
 * their manager; communications managers see whom they can reach, HR the shape of the
 * directory, administrators the state of accounts.
 */
@Controller
class HomeController {

	// The same page size as /feed, whose "Older" link the home page hands over to.
	private static final int FEED_PAGE_SIZE = 20;

	private final EmployeeDirectory directory;

	private final AccountService accounts;

	private final Feed feed;

	private final Channels channels;

	HomeController(EmployeeDirectory directory, AccountService accounts, Feed feed, Channels channels) {
		this.directory = directory;
		this.accounts = accounts;
		this.feed = feed;
		this.channels = channels;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal HeraldUser user, Model model) {
		model.addAttribute("home", true);
		model.addAttribute("feed", this.feed.page(null, null, FEED_PAGE_SIZE));
		model.addAttribute("channels", this.channels.reachingCaller());
		model.addAttribute("firstPage", true);
		model.addAttribute("roles", user.roles());
		this.directory.findProfile(user.employeeId()).ifPresent((profile) -> model.addAttribute("profile", profile));
		if (user.hasRole(Role.HR) || user.hasRole(Role.COMMS_MANAGER)) {
			model.addAttribute("headcount", this.directory.headcount());
		}
		if (user.hasRole(Role.ADMIN)) {
			model.addAttribute("accountOverview", this.accounts.overview());
		}
		return "feed/index";
	}

}
