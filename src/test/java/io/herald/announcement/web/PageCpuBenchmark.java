package io.herald.announcement.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.herald.support.Announcing;
import io.herald.support.Announcing.Channel;
import io.herald.support.Announcing.Person;
import io.herald.support.Announcing.Post;
import io.herald.support.PostgresIntegrationTest;
import io.herald.support.TestHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU a page costs the application, measured where a busy machine blurs it least: the
 * CPU time of the web server's request threads (not the wall clock, not the database's
 * process), per request, for one person's feed of IMPORTANT posts awaiting their
 * acknowledgement (every item with its form), the post page, a channel's page and the
 * inbox, one request at a time. Prints the median of five batches after a warm-up;
 * asserts only that the pages answer. For comparing one change with the next on the same
 * machine (`bench/http.sh` compares with the bare app over HTTP). Run with
 * {@code ./mvnw test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=PageCpuBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageCpuBenchmark implements PostgresIntegrationTest {

	static final int WARM_UP = 2_000;

	static final int BATCH = 500;

	static final int BATCHES = 5;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void measuresThePages() {
		Announcing data = new Announcing(this.jdbc);
		Person author = data.person("Author");
		Person reader = data.person("Reader");
		Channel channel = data.topic("Measured");
		Instant now = Instant.now();
		long post = 0;
		for (int i = 0; i < 40; i++) {
			post = data
				.publish(new Post(channel, author, "Measured post " + i, "What this post is about, briefly", "Body",
						"IMPORTANT", now.minus(Duration.ofMinutes(i + 1)), null, true, now.plus(Duration.ofDays(3))),
						reader);
		}
		TestHttp http = reader.signIn(this.port);
		List<String> lines = new ArrayList<>();
		for (String path : List.of("/feed", "/announcements/" + post, "/channels/" + channel.slug(),
				"/notifications")) {
			lines.add(measure(http, path));
		}
		lines.forEach(System.out::println);
	}

	private String measure(TestHttp http, String path) {
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(http.page(path).statusCode()).isEqualTo(200);
		}
		double[] micros = new double[BATCHES];
		double[] kilobytes = new double[BATCHES];
		for (int batch = 0; batch < BATCHES; batch++) {
			long[] before = requestThreads();
			for (int i = 0; i < BATCH; i++) {
				http.page(path);
			}
			long[] after = requestThreads();
			micros[batch] = (after[0] - before[0]) / 1_000.0 / BATCH;
			kilobytes[batch] = (after[1] - before[1]) / 1_024.0 / BATCH;
		}
		return String.format(
				"Page CPU benchmark, %-24s median %,6.0f µs of request-thread CPU and %,5.0f KB allocated per request"
						+ " (batches: %s µs)",
				path, median(micros), median(kilobytes),
				Arrays.stream(micros).mapToObj((m) -> String.format("%.0f", m)).toList());
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	// CPU time and bytes allocated so far by the web server's request threads. The bytes
	// hardly move with the machine's load, so they tell one change from the next where
	// the CPU time is blurred by other work on the machine.
	private static long[] requestThreads() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
		long cpu = 0;
		long bytes = 0;
		for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().contains("-exec-")) {
				cpu += Math.max(threads.getThreadCpuTime(info.getThreadId()), 0);
				bytes += Math.max(allocations.getThreadAllocatedBytes(info.getThreadId()), 0);
			}
		}
		return new long[] { cpu, bytes };
	}

}
