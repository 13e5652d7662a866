package io.herald.bench.bare;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The floor Herald is compared with: the same stack doing the same kind of work (one
 * indexed query rendered by Thymeleaf, one idempotent UPDATE, a tiny JSON) and nothing
 * else — no security filter chain, no session, no JPA, no layout model.
 */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

	/**
	 * Fills the tables schema.sql created: {@code bare.posts} posts, each delivered to
	 * every one of {@code bare.readers} readers (the sizes bench/http.sh gives Herald).
	 * Receipt ids are {@code (post - 1) * readers + reader}, so a wrk script can spread
	 * acknowledgements without asking for ids.
	 */
	@Bean
	ApplicationRunner fill(JdbcTemplate jdbc, @Value("${bare.readers:2000}") int readers,
			@Value("${bare.posts:200}") int posts) {
		return (args) -> {
			jdbc.update("insert into bench_channels (id, slug, name) "
					+ "select g, 'channel-' || g, 'Channel ' || g from generate_series(1, 10) g");
			jdbc.update("insert into bench_posts (id, channel_id, title, summary, ack_required, published_at) "
					+ "select g, 1 + g % 10, 'Bench post number ' || g, "
					+ "'Summary of bench post ' || g || ', a sentence or two long.', true, "
					+ "now() - make_interval(mins => g) from generate_series(1, ?) g", posts);
			jdbc.update("insert into bench_receipts (id, post_id, reader_id, published_at) "
					+ "select (p.id - 1) * ? + r, p.id, r, p.published_at "
					+ "from bench_posts p cross join generate_series(1, ?) r", readers, readers);
			jdbc.execute("analyze bench_channels");
			jdbc.execute("analyze bench_posts");
			jdbc.execute("analyze bench_receipts");
		};
	}

	/** One feed row: the shape of Herald's feed item, kept to what the page shows. */
	public record Row(long id, String title, String summary, String channelSlug, String channelName,
			OffsetDateTime publishedAt, boolean ackRequired, boolean acknowledged) {
	}

	@Controller
	static class BareController {

		private final JdbcTemplate jdbc;

		BareController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/**
		 * The twenty newest rows of one reader, over the (reader, published) index — the
		 * access path of Herald's feed. The wrk script rotates readers.
		 */
		@GetMapping("/page")
		String page(@RequestParam(name = "reader", defaultValue = "1") long reader, Model model) {
			List<Row> rows = this.jdbc.query("""
					select p.id, p.title, p.summary, c.slug, c.name, r.published_at, p.ack_required,
					       r.acknowledged_at is not null as acknowledged
					from bench_receipts r
					join bench_posts p on p.id = r.post_id
					join bench_channels c on c.id = p.channel_id
					where r.reader_id = ?
					order by r.published_at desc, r.post_id desc
					limit 20""", (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), utc(rs.getTimestamp(6)), rs.getBoolean(7), rs.getBoolean(8)),
					reader);
			model.addAttribute("rows", rows);
			model.addAttribute("reader", reader);
			return "page";
		}

		/** One idempotent UPDATE by primary key; a repeat changes nothing and says the same. */
		@PostMapping("/ack/{id}")
		ResponseEntity<Void> ack(@PathVariable long id) {
			this.jdbc.update(
					"update bench_receipts set acknowledged_at = coalesce(acknowledged_at, now()) where id = ?", id);
			return ResponseEntity.noContent().build();
		}

		@GetMapping("/health")
		@ResponseBody
		Map<String, String> health() {
			return Map.of("status", "UP");
		}

		private static OffsetDateTime utc(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant().atOffset(ZoneOffset.UTC) : null;
		}

	}

}
