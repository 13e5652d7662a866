package io.herald.directory.web;

import java.io.IOException;

import io.herald.directory.DirectoryImport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an import upload that is plainly too large back to the form with a message,
 * judged by its declared length before anyone reads the body. It has to run ahead of
 * Spring Security: the CSRF check reads form parameters, and on an oversized multipart
 * body the container fails that read with a bare 413 error page.
 */
@Component
@Order(-101) // just before Spring Security's filter chain (-100)
class UploadSizeGuard extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !DirectoryImportController.PATH
			.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > DirectoryImport.MAX_BYTES) {
			response.sendRedirect(request.getContextPath() + DirectoryImportController.PATH + "?tooLarge");
			return;
		}
		chain.doFilter(request, response);
	}

}
