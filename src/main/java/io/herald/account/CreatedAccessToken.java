package io.herald.account;

import java.time.Instant;

/**
 * A token just created, with its secret: the only time Herald can show it.
 */
public record CreatedAccessToken(long id, String name, String token, Instant expiresAt) {

}
