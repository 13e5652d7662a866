package io.herald.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs failed sign-ins, never with the password, and records successful ones.
 */
@Component
class LoginAttemptListener {

	private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

	private final AccountService accounts;

	LoginAttemptListener(AccountService accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String email = String.valueOf(event.getAuthentication().getName());
		log.warn("Failed sign-in for '{}' from {}", printable(email),
				remoteAddress(event.getAuthentication().getDetails()));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof HeraldUser user) {
			this.accounts.recordSuccessfulLogin(user.accountId());
		}
	}

	private static String remoteAddress(Object details) {
		return (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : "unknown";
	}

	// Whatever was typed as the user name goes to the log: keep it on one line and short.
	private static String printable(String text) {
		String oneLine = text.replaceAll("\\p{Cntrl}", "?");
		return (oneLine.length() > 100) ? oneLine.substring(0, 100) + "…" : oneLine;
	}

}
