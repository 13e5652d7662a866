package io.herald.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused first administrator into a start-up message that says what to set.
 */
public class FirstAdminFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdminRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FirstAdminRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
