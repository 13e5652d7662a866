package io.herald.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key personal access tokens are hashed under. Every instance must use the same one,
 * as crisis check-in links do: {@code herald.account.token-secret} when set, else a
 * random key the first instance stores in the database and every other one reads from
 * there.
 */
@Component
class TokenKey {

	private static final String NAME = "personal-access-tokens";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final byte[] configured;

	private volatile byte[] key;

	TokenKey(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, AccountProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		// Its own transaction: a key stored while a sign-in fails must stay stored.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		String trimmed = properties.tokenSecret().strip();
		if (!trimmed.isEmpty() && trimmed.length() < 32) {
			throw new IllegalStateException("herald.account.token-secret must be at least 32 characters long");
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
				insert into account_token_keys (name, secret, created_at)
				select :name, :secret, :createdAt
				where not exists (select 1 from account_token_keys where name = :name)
				on conflict do nothing""")
			.param("name", NAME)
			.param("secret", Base64.getEncoder().encodeToString(fresh))
			.param("createdAt", Timestamp.from(this.clock.instant()))
			.update();
		return this.jdbc.sql("select secret from account_token_keys where name = :name")
			.param("name", NAME)
			.query(String.class)
			.single();
	}

}
