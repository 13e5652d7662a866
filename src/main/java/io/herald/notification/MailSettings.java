package io.herald.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sender and the daily digest behave ({@code herald.mail.*}). The SMTP
 * server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail
 * @param batchSize how many messages one sender claims and sends over one connection
 * @param maxAttempts failed attempts after which a message is FAILED
 * @param retryDelay the wait after the first failure; it doubles after each further one
 * @param maxRetryDelay the longest wait between attempts
 * @param claimTimeout how long a claimed message is left to its sender before another may
 * take it; longer than a batch can take with the SMTP timeouts
 * @param digestTime the local time after which a person's daily digest goes out
 */
@ConfigurationProperties("herald.mail")
record MailSettings(@DefaultValue("Herald <herald@localhost>") String from, @DefaultValue("20") int batchSize,
		@DefaultValue("12") int maxAttempts, @DefaultValue("30s") Duration retryDelay,
		@DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("30m") Duration claimTimeout,
		@DefaultValue("08:00") LocalTime digestTime) {

	Backoff backoff() {
		return new Backoff(this.retryDelay, this.maxRetryDelay, this.maxAttempts);
	}

}
