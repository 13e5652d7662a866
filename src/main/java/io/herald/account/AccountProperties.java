package io.herald.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts.
 *
 * @param tokenSecret the key personal access tokens are hashed under
 * ({@code HERALD_TOKEN_SECRET}): at least 32 characters and the same on every instance;
 * empty to let Herald generate one and keep it in the database
 */
@ConfigurationProperties("herald.account")
record AccountProperties(@DefaultValue("") String tokenSecret) {

}
