package io.herald.config;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error the application does not answer itself ends: Spring MVC's 404, 405
 * and 415, Spring Security's firewall, {@code sendError} anywhere. The API and clients
 * asking for JSON get problem details, browsers the HTML error pages; neither ever shows
 * a stack trace. {@code /error} asked for directly is a 404, not a 500.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

	private final ErrorAttributes errorAttributes;

	private final List<ErrorViewResolver> views;

	private final ProblemResponses problems;

	ErrorPages(ErrorAttributes errorAttributes, List<ErrorViewResolver> views, ProblemResponses problems) {
		this.errorAttributes = errorAttributes;
		this.views = views;
		this.problems = problems;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		String path = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri
				: request.getRequestURI();
		if (wantsProblem(request, path)) {
			this.problems.status(path, response, status);
			return null;
		}
		Map<String, Object> model = new HashMap<>(this.errorAttributes
			.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults()));
		model.put("status", status.value());
		model.put("error", status.getReasonPhrase());
		response.setStatus(status.value());
		for (ErrorViewResolver resolver : this.views) {
			ModelAndView view = resolver.resolveErrorView(request, status, model);
			if (view != null) {
				return view;
			}
		}
		return new ModelAndView("error", model, status);
	}

	/**
	 * The status the failed request ended with; none means {@code /error} was asked for
	 * directly, which is not a page.
	 */
	private static HttpStatus status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
			HttpStatus status = HttpStatus.resolve(code);
			return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return HttpStatus.NOT_FOUND;
	}

	private static boolean wantsProblem(HttpServletRequest request, String path) {
		if (path != null && (path.equals("/api") || path.startsWith("/api/"))) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

}
