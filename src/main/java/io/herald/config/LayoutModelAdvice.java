package io.herald.config;

import io.herald.announcement.Feed;
import io.herald.channel.Channels;
import io.herald.escalation.Team;
import io.herald.notification.Inbox;
import io.herald.shared.Callers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: where you are, and for a signed-in person the
 * critical banner, how many posts and notifications they have not read, whether they post
 * anywhere and whether anyone reports to them: five small queries whatever the page (a
 * sixth while a critical post waits for an answer), and none for the API, htmx fragments
 * or nobody.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final Feed feed;

	private final Channels channels;

	private final Inbox inbox;

	private final Team team;

	LayoutModelAdvice(Feed feed, Channels channels, Inbox inbox, Team team) {
		this.feed = feed;
		this.channels = channels;
		this.inbox = inbox;
		this.team = team;
	}

	/**
	 * The path being shown, so navigation can mark where you are.
	 */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return path(request);
	}

	/**
	 * The path and query being shown, for forms that bring their person back here (the
	 * acknowledge buttons).
	 */
	@ModelAttribute("currentUrl")
	String currentUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		return path(request) + ((query != null && !query.isEmpty()) ? "?" + query : "");
	}

	@ModelAttribute("criticalBanner")
	CriticalBanner criticalBanner(HttpServletRequest request) {
		if (!forPage(request)) {
			return null;
		}
		return this.feed.criticalBanner()
			.map((item) -> new CriticalBanner(item.id(), item.title(), "/announcements/" + item.id(),
					item.awaitingAck(), item.revision(), item.checkInPath()))
			.orElse(null);
	}

	@ModelAttribute("unreadCount")
	Long unreadCount(HttpServletRequest request) {
		return forPage(request) ? this.feed.unreadCount() : null;
	}

	@ModelAttribute("unreadNotifications")
	Long unreadNotifications(HttpServletRequest request) {
		return forPage(request) ? this.inbox.unreadCount() : null;
	}

	@ModelAttribute("postsAnywhere")
	Boolean postsAnywhere(HttpServletRequest request) {
		return forPage(request) ? this.channels.callerPostsAnywhere() : null;
	}

	@ModelAttribute("managesPeople")
	Boolean managesPeople(HttpServletRequest request) {
		return forPage(request) ? this.team.callerHasReports() : null;
	}

	// htmx fragments (the audience preview, search results) are swapped into a
	// page that already has its layout.
	private static boolean forPage(HttpServletRequest request) {
		return Callers.current().isPresent() && !path(request).startsWith("/api/")
				&& request.getHeader("HX-Request") == null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
