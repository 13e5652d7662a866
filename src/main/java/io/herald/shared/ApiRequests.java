package io.herald.shared;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * The JSON API's rules for calls that change something. The API takes no CSRF token: it
 * is stateless and signs in with HTTP Basic. A browser holding Basic credentials for
 * Herald would still attach them to a request another site makes it send, and an HTML
 * form or a simple fetch can post {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain} or no body at all without asking Herald
 * first (no CORS preflight). So a changing call with a body takes
 * {@code application/json} only (a cross-site page cannot send that without a preflight,
 * which Herald does not allow), and a call without a body is refused when the browser
 * says it comes from another site.
 */
public final class ApiRequests {

	// Browsers fetching cross-site say so; API clients send no such header.
	private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

	private ApiRequests() {
	}

	/**
	 * Refuses a body that is not JSON; no body at all is fine.
	 * @throws HttpMediaTypeNotSupportedException (415) for a body that is not JSON
	 */
	public static void requireJsonOrNoBody(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank()) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (IllegalArgumentException ex) {
				type = MediaType.APPLICATION_OCTET_STREAM;
			}
			if (!MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
				throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
						HttpMethod.POST);
			}
		}
	}

	/**
	 * Whether a browser sent this request on behalf of another site.
	 */
	public static boolean crossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site != null && !SAME_SITE.contains(site);
	}

}
