package io.herald.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares, at the JDBC connection, so JPA and
 * plain JDBC both show up. {@code @Import} it into a test context and wrap the work in
 * {@link #count}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final AtomicInteger statements = new AtomicInteger();

	private static volatile Predicate<Thread> counted = (thread) -> true;

	/**
	 * Only the web server's request threads (Tomcat names them
	 * {@code http-nio-…-exec-n}), so background jobs do not blur the count of a page.
	 */
	public static final Predicate<Thread> REQUEST_THREADS = (thread) -> thread.getName().contains("-exec-");

	/**
	 * Only the thread asking, so the application's background jobs (the scheduled
	 * publisher polls on its own thread) do not blur the count.
	 */
	public static Predicate<Thread> callingThread() {
		Thread caller = Thread.currentThread();
		return (thread) -> thread == caller;
	}

	/**
	 * Runs the work and returns how many statements were prepared on the matching threads
	 * meanwhile.
	 */
	public static synchronized int count(Predicate<Thread> threads, Runnable work) {
		counted = threads;
		statements.set(0);
		work.run();
		return statements.get();
	}

	@Bean
	static BeanPostProcessor countStatements() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}

		};
	}

	static final class Counting extends DelegatingDataSource {

		private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (PREPARING.contains(method.getName()) && counted.test(Thread.currentThread())) {
					statements.incrementAndGet();
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

	}

}
