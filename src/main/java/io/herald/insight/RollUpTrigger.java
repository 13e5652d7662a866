package io.herald.insight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the roll-up folds: every {@code herald.insight.fold-interval} (15 seconds unless
 * set), and before each dashboard is built, so a page shows what happened up to the
 * moment it was asked for.
 */
@Component
class RollUpTrigger {

	private static final Logger log = LoggerFactory.getLogger(RollUpTrigger.class);

	private final InsightRollUp rollUp;

	RollUpTrigger(InsightRollUp rollUp) {
		this.rollUp = rollUp;
	}

	@Scheduled(fixedDelayString = "${herald.insight.fold-interval:15s}",
			initialDelayString = "${herald.insight.fold-interval:15s}")
	void foldRegularly() {
		foldNow();
	}

	/**
	 * Folds in what changed since the last roll-up. Another instance's roll-up committing
	 * at the same moment can make this one's snapshot fail to serialise: then that one
	 * has just folded, and the page is built from its figures.
	 */
	void foldNow() {
		try {
			this.rollUp.fold();
		}
		catch (ConcurrencyFailureException ex) {
			log.debug("Another roll-up folded at the same time: {}", ex.getMessage());
		}
	}

}
