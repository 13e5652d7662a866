package io.herald.config;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects to Herald itself leave as paths. An absolute URL built from the request names
 * whatever host the client's {@code Host} header claimed, so a forged header would send
 * the next request elsewhere (issue 15, F7). Whatever builds the URL (a saved request of
 * Spring Security, a view, a library) an absolute location on the request's own host or
 * on {@code herald.base-url} becomes its path and query. Tomcat's own redirects are
 * relative by {@code server.tomcat.use-relative-redirects}.
 */
class RelativeRedirects extends OncePerRequestFilter {

	private final String baseHost;

	RelativeRedirects(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		this.baseHost = (host != null) ? host.toLowerCase(Locale.ROOT) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new Relative(response, request.getServerName()));
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * The path and query of an absolute URL on one of our hosts; anything else as it is.
	 */
	String relative(String location, String requestHost) {
		if (location == null || !(location.regionMatches(true, 0, "http://", 0, 7)
				|| location.regionMatches(true, 0, "https://", 0, 8))) {
			return location;
		}
		URI uri;
		try {
			uri = URI.create(location);
		}
		catch (IllegalArgumentException ex) {
			return location;
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
		if (host == null || !(host.equalsIgnoreCase(requestHost) || host.equals(this.baseHost))) {
			return location;
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		// "//host" would be read as another host.
		path = "/" + path.replaceFirst("^/+", "");
		return path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
				+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
	}

	private final class Relative extends HttpServletResponseWrapper {

		private final String requestHost;

		Relative(HttpServletResponse response, String requestHost) {
			super(response);
			this.requestHost = requestHost;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(relative(location, this.requestHost));
		}

		@Override
		public void sendRedirect(String location, int sc) throws IOException {
			super.sendRedirect(relative(location, this.requestHost), sc);
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) throws IOException {
			super.sendRedirect(relative(location, this.requestHost), clearBuffer);
		}

		@Override
		public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
			super.sendRedirect(relative(location, this.requestHost), sc, clearBuffer);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name,
					HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(value, this.requestHost) : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name,
					HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(value, this.requestHost) : value);
		}

	}

}
