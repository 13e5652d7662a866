package io.herald.crisis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one-click check-in links behave ({@code herald.crisis.*}).
 *
 * @param checkInLinkValidity how long a link works after it was sent
 * @param linkSecret the key that signs links, at least 32 characters and the same on
 * every instance; empty for a key Herald generates and keeps in the database
 */
@ConfigurationProperties("herald.crisis")
record CrisisSettings(@DefaultValue("24h") Duration checkInLinkValidity, @DefaultValue("") String linkSecret) {

}
