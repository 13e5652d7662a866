package io.herald.config;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Turns a page's links to static files into their resolved paths (a WebJar without its
 * version, {@code /webjars/bootstrap/…}, becomes the versioned file), like Spring's
 * {@link ResourceUrlEncodingFilter} which it replaces — but only for links under the
 * static prefixes of {@link WebConfiguration}. Spring's filter matched every link a page
 * writes (each post, each form of the feed) against every resource pattern, about a
 * twentieth of the feed's rendering time; the other links are left alone at no cost. A
 * subclass so that Spring Boot does not register its own as well.
 */
class StaticResourceLinks extends ResourceUrlEncodingFilter {

	static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/", "/favicon.svg");

	private final ResourceUrlProvider resources;

	StaticResourceLinks(ResourceUrlProvider resources) {
		this.resources = resources;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse page)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(page) {

			@Override
			public String encodeURL(String url) {
				String path = url.substring(Math.min(http.getContextPath().length(), url.length()));
				if (url.startsWith(http.getContextPath()) && PREFIXES.stream().anyMatch(path::startsWith)) {
					String resolved = StaticResourceLinks.this.resources.getForRequestUrl(http, url);
					if (resolved != null) {
						return super.encodeURL(resolved);
					}
				}
				return super.encodeURL(url);
			}

		});
	}

}
