package io.herald.config;

import io.herald.shared.ChangeRefused;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as problem details ({@code application/problem+json}). Only for REST
 * controllers: browser pages get the HTML error pages instead.
 */
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

}
