package io.herald.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the escalation sweep reads ({@code herald.escalation.*}). How often it runs,
 * {@code herald.escalation.sweep-interval}, is read by its schedule.
 *
 * @param batchSize how many recipients of a post one transaction of the sweep reads
 */
@ConfigurationProperties("herald.escalation")
record EscalationSettings(@DefaultValue("1000") int batchSize) {

}
