package io.herald.config;

import io.herald.shared.ChangeRefused;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as problem details ({@code application/problem+json}). Only for REST
 * controllers: browser pages get the HTML error pages instead. Ahead of the advice for
 * every controller ({@link FormBinding}), so an API call gets problem details for what
 * both handle.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A body that grew past the limit while a controller read it itself.
	 */
	@ExceptionHandler(ApiBodyLimit.TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(ApiBodyLimit.TooLarge tooLarge) {
		return problem(ProblemResponses.tooLarge(tooLarge.limit()));
	}

	/**
	 * A body that grew past the limit while being converted is too large, not malformed.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiBodyLimit.TooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(ProblemResponses.tooLarge(tooLarge.limit()));
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(ChangeRefused.class)
	ProblemDetail refused(ChangeRefused refused) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage(refused.code(), null, refused.code(), LocaleContextHolder.getLocale()));
	}

	/**
	 * A request body refused by its constraints ({@code @SingleLine} and the like): 400
	 * with {@code errors: [{field, message}]}, as the API's other refusals name fields.
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, this.messages
			.getMessage("api.invalidFields", null, "api.invalidFields", LocaleContextHolder.getLocale()));
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				invalid.getFieldErrors()
					.stream()
					.map((error) -> new FieldProblem(error.getField(),
							this.messages.getMessage(error, LocaleContextHolder.getLocale())))
					.toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record FieldProblem(String field, String message) {

	}

	@ExceptionHandler(InvalidPropertyException.class)
	ProblemDetail unreadable(InvalidPropertyException unreadable) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, this.messages
			.getMessage("error.400.explanation", null, "error.400.explanation", LocaleContextHolder.getLocale()));
		problem.setProperty("field", unreadable.getPropertyName());
		return problem;
	}

}
