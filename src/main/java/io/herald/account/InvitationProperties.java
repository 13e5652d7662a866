package io.herald.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Set-password invitations.
 *
 * @param validity how long a link works after it was issued
 */
@ConfigurationProperties("herald.invitations")
record InvitationProperties(@DefaultValue("7d") Duration validity) {

}
