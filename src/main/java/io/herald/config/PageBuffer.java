package io.herald.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keeps a page in the response's buffer until it is complete, so that a template failing
 * half way still ends in the error page, never in half a page. Thymeleaf streams the page
 * into the buffer as it renders; the other way to the same end, rendering every page into
 * a string first, copied each page three times (a third of the feed's allocations). A
 * page larger than the buffer goes out in parts: 128 KB holds every paged list Herald
 * shows (the feed is about a third of it), and is the largest buffer Tomcat keeps between
 * requests rather than allocating it again.
 */
class PageBuffer implements HandlerInterceptor {

	static final int SIZE = 128 * 1024;

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (!LayoutModel.rendersPage(page) || response.isCommitted()) {
			return;
		}
		try {
			response.setBufferSize(SIZE);
		}
		catch (IllegalStateException ex) {
			// The handler wrote something itself; the page goes out as it is.
		}
	}

}
