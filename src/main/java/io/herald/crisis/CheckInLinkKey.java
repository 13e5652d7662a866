package io.herald.crisis;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs check-in links. Every instance must use the same one: it is
 * {@code herald.crisis.link-secret} when set, else a random key the first instance stores
 * in the database and every other one reads from there.
 */
@Component
class CheckInLinkKey {

	private static final String NAME = "check-in-links";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final byte[] configured;

	private volatile byte[] key;

	CheckInLinkKey(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, CrisisSettings settings) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		// Its own transaction: a key stored while a check-in fails must stay stored.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		String trimmed = (settings.linkSecret() != null) ? settings.linkSecret().strip() : "";
		if (!trimmed.isEmpty() && trimmed.length() < 32) {
			throw new IllegalStateException("herald.crisis.link-secret must be at least 32 characters long");
		}
		this.configured = trimmed.isEmpty() ? null : trimmed.getBytes(StandardCharsets.UTF_8);
	}

	byte[] get() {
		if (this.configured != null) {
			return this.configured;
		}
		byte[] known = this.key;
		if (known == null) {
			String stored = this.transactions.execute((status) -> storedOrNew());
			known = Base64.getDecoder().decode(stored);
			this.key = known;
		}
		return known;
	}

	private String storedOrNew() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		// Two instances starting together both try; the key makes one of them win and
		// both read the winner's.
		this.jdbc.sql("""
				insert into crisis_link_keys (name, secret, created_at)
				select :name, :secret, :now
				where not exists (select 1 from crisis_link_keys where name = :name)
				on conflict do nothing
				""")
			.param("name", NAME)
			.param("secret", Base64.getEncoder().encodeToString(fresh))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		List<String> stored = this.jdbc.sql("select secret from crisis_link_keys where name = :name")
			.param("name", NAME)
			.query(String.class)
			.list();
		return stored.get(0);
	}

}
