package io.herald.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.herald.account.AccessTokenView;
import io.herald.account.CreatedAccessToken;
import io.herald.account.HeraldUser;
import io.herald.account.PersonalAccessTokens;
import io.herald.shared.InvalidChange;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal access tokens over the API: one's own ({@code /api/v1/me/tokens}) and, for
 * administrators, anyone's ({@code /api/v1/admin/users/{employeeId}/tokens}). The secret
 * is in the answer to its creation only; a token that is not the caller's (or that
 * person's) is 404, whether or not it exists.
 */
@RestController
@RequestMapping("/api/v1")
class TokenApiController {

	static final URI INVALID = URI.create("https://herald.example/problems/invalid-token-request");

	static final URI NOT_FOUND = URI.create("https://herald.example/problems/token-not-found");

	private final PersonalAccessTokens tokens;

	private final MessageSource messages;

	TokenApiController(PersonalAccessTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	/**
	 * A new token: {@code expiresInDays} from 1 to 365, 90 when left out.
	 */
	record NewToken(String name, Integer expiresInDays) {

	}

	record Created(long id, String name, String token, Instant expiresAt) {

		static Created of(CreatedAccessToken token) {
			return new Created(token.id(), token.name(), token.token(), token.expiresAt());
		}

	}

	record Token(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean expired) {

		static List<Token> of(List<AccessTokenView> views) {
			return views.stream()
				.map((v) -> new Token(v.id(), v.name(), v.createdAt(), v.expiresAt(), v.lastUsedAt(), v.expired()))
				.toList();
		}

	}

	record FieldProblem(String field, String message) {

	}

	@PostMapping(path = "/me/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Created> create(@AuthenticationPrincipal HeraldUser user, @RequestBody NewToken request) {
		CreatedAccessToken created = this.tokens.create(user, request.name(), request.expiresInDays());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id())).body(Created.of(created));
	}

	@GetMapping("/me/tokens")
	List<Token> mine(@AuthenticationPrincipal HeraldUser user) {
		return Token.of(this.tokens.mine(user));
	}

	@DeleteMapping("/me/tokens/{id}")
	ResponseEntity<?> revoke(@AuthenticationPrincipal HeraldUser user, @PathVariable long id) {
		return this.tokens.revokeMine(user, id) ? ResponseEntity.noContent().build() : notFound();
	}

	@GetMapping("/admin/users/{employeeId}/tokens")
	List<Token> of(@PathVariable long employeeId) {
		return Token.of(this.tokens.of(employeeId));
	}

	@DeleteMapping("/admin/users/{employeeId}/tokens/{id}")
	ResponseEntity<?> revokeFor(@PathVariable long employeeId, @PathVariable long id) {
		return this.tokens.revokeFor(employeeId, id) ? ResponseEntity.noContent().build() : notFound();
	}

	@ExceptionHandler(InvalidChange.class)
	ResponseEntity<ProblemDetail> invalid(InvalidChange invalid) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				message("tokens.api.invalid", new Object[0]));
		problem.setType(INVALID);
		problem.setTitle("The token request has problems");
		problem.setProperty("errors",
				invalid.problems()
					.stream()
					.map((p) -> new FieldProblem(p.field(), message(p.code(), p.arguments())))
					.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ResponseEntity<ProblemDetail> notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				message("tokens.api.notFound", new Object[0]));
		problem.setType(NOT_FOUND);
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private String message(String code, Object[] arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
