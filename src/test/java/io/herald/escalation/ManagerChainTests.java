package io.herald.escalation;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalations to "the manager" go to the nearest active one up the chain, and bad data
 * never loops.
 */
class ManagerChainTests {

	final Map<Long, ManagerChain.Link> links = new HashMap<>();

	@Test
	void anActiveManagerIsTheManager() {
		this.links.put(2L, new ManagerChain.Link(3L, true));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).contains(2L);
	}

	@Test
	void anInactiveManagerIsPassedOverForTheNextActiveOneUp() {
		this.links.put(2L, new ManagerChain.Link(3L, false));
		this.links.put(3L, new ManagerChain.Link(4L, false));
		this.links.put(4L, new ManagerChain.Link(null, true));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).contains(4L);
	}

	@Test
	void nobodyWhenTheChainEndsInactiveOrThereIsNoManager() {
		this.links.put(2L, new ManagerChain.Link(null, false));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).isEmpty();
		assertThat(ManagerChain.activeManager(1, null, this.links)).isEmpty();
	}

	@Test
	void aCycleOfInactiveManagersEndsWithNobody() {
		this.links.put(2L, new ManagerChain.Link(3L, false));
		this.links.put(3L, new ManagerChain.Link(2L, false));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).isEmpty();
	}

	@Test
	void aCycleBackToThePersonThemselvesEndsWithNobody() {
		this.links.put(2L, new ManagerChain.Link(1L, false));
		this.links.put(1L, new ManagerChain.Link(2L, true));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).isEmpty();
	}

	@Test
	void aChainDeeperThanTheGuardEndsWithNobody() {
		for (long id = 2; id < 2 + ManagerChain.MAX_DEPTH; id++) {
			this.links.put(id, new ManagerChain.Link(id + 1, false));
		}
		this.links.put(2L + ManagerChain.MAX_DEPTH, new ManagerChain.Link(null, true));

		assertThat(ManagerChain.activeManager(1, 2L, this.links)).isEmpty();
	}

}
