package io.herald.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Where the sign-in throttle's Bucket4j buckets live: the {@code sign_in_buckets} table,
 * which every instance shares, so an attacker gains nothing by being balanced across
 * them. Bucket4j does the rate limiting (token arithmetic, serialisation, retries); this
 * class is its documented select-for-update storage plug-in, written because Bucket4j's
 * own PostgreSQL one inserts with {@code ON CONFLICT (id)}, which the embedded H2 cannot
 * parse. The statements here run on both databases.
 */
class SignInBuckets extends AbstractSelectForUpdateBasedProxyManager<String> implements ExpiredEntriesCleaner {

	private static final String INSERT = """
			insert into sign_in_buckets (id, state, expires_at) values (?, null, null) on conflict do nothing""";

	private static final String SELECT = """
			select state from sign_in_buckets where id = ? for update""";

	private static final String UPDATE = """
			update sign_in_buckets set state = ?, expires_at = ? where id = ?""";

	private static final String DELETE = """
			delete from sign_in_buckets where id = ?""";

	private static final String DELETE_EXPIRED = """
			delete from sign_in_buckets where id in (
				select id from sign_in_buckets where expires_at < ? limit ? for update skip locked)""";

	private final DataSource dataSource;

	private final ExpirationAfterWriteStrategy expiration;

	SignInBuckets(DataSource dataSource, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
		this.expiration = config.getExpirationAfterWriteStrategy().orElse(ExpirationAfterWriteStrategy.none());
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new Transaction(connection, key);
	}

	@Override
	public void removeProxy(String key) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement(DELETE)) {
			delete.setString(1, key);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	public int removeExpired(int batchSize) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
			delete.setLong(1, TimeUnit.NANOSECONDS.toMillis(currentTimeNanos()));
			delete.setInt(2, batchSize);
			return delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	private final class Transaction implements SelectForUpdateBasedTransaction {

		private final Connection connection;

		private final String key;

		Transaction(Connection connection, String key) {
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			run(() -> this.connection.setAutoCommit(false));
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			try (PreparedStatement select = this.connection.prepareStatement(SELECT)) {
				applyTimeout(select, timeoutNanos);
				select.setString(1, this.key);
				try (ResultSet row = select.executeQuery()) {
					return row.next() ? LockAndGetResult.locked(row.getBytes("state")) : LockAndGetResult.notLocked();
				}
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			try (PreparedStatement insert = this.connection.prepareStatement(INSERT)) {
				applyTimeout(insert, timeoutNanos);
				insert.setString(1, this.key);
				return insert.executeUpdate() > 0;
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
			try (PreparedStatement update = this.connection.prepareStatement(UPDATE)) {
				applyTimeout(update, timeoutNanos);
				long nowNanos = currentTimeNanos();
				update.setBytes(1, data);
				update.setLong(2, TimeUnit.NANOSECONDS.toMillis(nowNanos)
						+ SignInBuckets.this.expiration.calculateTimeToLiveMillis(newState, nowNanos));
				update.setString(3, this.key);
				update.executeUpdate();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			run(this.connection::commit);
		}

		@Override
		public void rollback() {
			run(this.connection::rollback);
		}

		@Override
		public void release() {
			run(() -> {
				this.connection.setAutoCommit(true);
				this.connection.close();
			});
		}

		private void run(SqlAction action) {
			try {
				action.run();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
