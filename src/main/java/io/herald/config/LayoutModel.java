package io.herald.config;

import java.util.Map;

import io.herald.announcement.Feed;
import io.herald.channel.Channels;
import io.herald.escalation.Team;
import io.herald.notification.Inbox;
import io.herald.shared.Callers;
import io.herald.shared.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the layout needs on every page: where you are, which parts of the navigation the
 * person may use, and for a signed-in person the critical banner, how many posts and
 * notifications they have not read, whether they post anywhere and whether anyone reports
 * to them. Added once a handler has chosen a page to render — never for a redirect (a
 * form's answer), the API or an htmx fragment — in one read-only transaction, and after
 * the handler, so the counts already include a read the page itself recorded. A value the
 * handler put in the model itself wins.
 */
class LayoutModel implements HandlerInterceptor {

	private final Feed feed;

	private final Channels channels;

	private final Inbox inbox;

	private final Team team;

	private final TransactionTemplate readOnly;

	LayoutModel(Feed feed, Channels channels, Inbox inbox, Team team, PlatformTransactionManager transactions) {
		this.feed = feed;
		this.channels = channels;
		this.inbox = inbox;
		this.team = team;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Whether the handler chose a page to render: not a redirect (a form's answer), not a
	 * body written by the handler itself.
	 */
	static boolean rendersPage(ModelAndView page) {
		return page != null && page.hasView() && !(page.getView() instanceof RedirectView)
				&& !(page.getViewName() != null && page.getViewName().startsWith("redirect:"));
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (!rendersPage(page)) {
			return;
		}
		Map<String, Object> model = page.getModel();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		model.putIfAbsent("currentPath", path);
		// For forms that bring their person back here (the acknowledge buttons).
		model.putIfAbsent("currentUrl", path + ((query != null && !query.isEmpty()) ? "?" + query : ""));
		model.putIfAbsent("navSection", Navigation.sectionOf(path));
		SignedInPerson person = Callers.current().orElse(null);
		// htmx fragments (the audience preview, search results) are swapped into a page
		// that already has its layout.
		if (person == null || path.startsWith("/api/") || request.getHeader("HX-Request") != null) {
			return;
		}
		model.putIfAbsent("nav", Navigation.ofCaller());
		this.readOnly.executeWithoutResult((status) -> {
			if (!model.containsKey("criticalBanner")) {
				model.put("criticalBanner",
						this.feed.criticalBanner()
							.map((item) -> new CriticalBanner(item.id(), item.title(), "/announcements/" + item.id(),
									item.awaitingAck(), item.revision(), item.checkInPath()))
							.orElse(null));
			}
			if (!model.containsKey("unreadCount")) {
				model.put("unreadCount", this.feed.unreadCount());
			}
			if (!model.containsKey("unreadNotifications")) {
				model.put("unreadNotifications", this.inbox.unreadCount());
			}
			if (!model.containsKey("postsAnywhere")) {
				model.put("postsAnywhere", this.channels.callerPostsAnywhere());
			}
			if (!model.containsKey("managesPeople")) {
				model.put("managesPeople", this.team.callerHasReports());
			}
		});
	}

}
