package io.herald.account;

import java.time.Instant;

/**
 * A personal access token as its owner and administrators see it: never its secret.
 */
public record AccessTokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		boolean expired) {

}
