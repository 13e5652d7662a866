package io.herald.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API's defence against cross-site requests, for every call that can change
 * something, in one place so that a new endpoint cannot forget it. The API takes no CSRF
 * token: it is stateless. A browser holding HTTP Basic credentials for Herald still
 * attaches them to a request another site makes it send, and an HTML form or a "simple"
 * fetch can post {@code text/plain}, {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} or an untyped body without asking Herald first (no CORS
 * preflight, which Herald never grants). So a changing call is refused
 * <ul>
 * <li>when the browser says another site sent it ({@code Sec-Fetch-Site} other than
 * {@code same-origin} or {@code none}; API clients send no such header): 403;</li>
 * <li>when it carries a simple content type, or a body with no content type: 415. Each
 * endpoint then names what it takes ({@code application/json}, or {@code text/csv} for
 * the directory import).</li>
 * </ul>
 * Runs before authentication, so a forged request costs no password check and counts
 * towards no sign-in throttle. Not a bean, so the servlet container does not run it a
 * second time outside the chain.
 */
class ApiWriteGuard extends OncePerRequestFilter {

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

	// What a page on any site can send without a preflight.
	private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
			"multipart/form-data");

	private final ProblemResponses problems;

	ApiWriteGuard(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READING.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !SAME_SITE.contains(site)) {
			this.problems.crossSite(request, response);
			return;
		}
		if (simpleOrUntypedBody(request)) {
			this.problems.unsupportedContentType(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean simpleOrUntypedBody(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return SIMPLE_TYPES.contains(type.getType() + "/" + type.getSubtype());
		}
		catch (InvalidMediaTypeException ex) {
			// A browser without a preflight sends only well-formed simple types; whatever
			// this is, the endpoint refuses it as not what it consumes.
			return false;
		}
	}

}
