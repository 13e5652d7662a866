package io.herald.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;
import io.herald.notification.Notifications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the policies: every {@code herald.escalation.sweep-interval} it goes through
 * the published, unexpired posts asking for acknowledgement, in batches of
 * {@code herald.escalation.batch-size} recipients (keyset over post and person), and
 * records each step that has come for each person in {@code escalation_steps_done}.
 * <p>
 * That table's primary key is the guarantee: a step is recorded at most once per person
 * and revision, whichever instance gets there first, and a notice goes out only for a row
 * this transaction inserted. Each batch commits its records with their reminders and
 * queued escalations, so a crash loses nothing and repeats nothing. ShedLock keeps the
 * scheduled sweeps to one at a time across instances as well, but correctness does not
 * depend on it.
 * <p>
 * {@code escalation_progress} keeps, per post and revision, the time up to which a sweep
 * went over the post completely. The next sweep looks only at steps whose time comes
 * after it: recipients asked at publishing share the post's step times, so it reads them
 * only when a step comes due in their time zone ({@link Reach}); late joiners, who have
 * times of their own, it reads every time. A post between steps costs one index lookup. A
 * failed or interrupted pass leaves the progress where it was, and the next sweep goes
 * over that stretch again.
 * <p>
 * Escalations are queued, and go out as digests at the end of each sweep
 * ({@link DigestSender}).
 * <p>
 * A material revision raises the post's acknowledgement revision, which is part of the
 * step's record: the steps start again for the new revision, counted from when it asked
 * again.
 */
@Component
class EscalationSweep {

	private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	private final EscalationPolicies policies;

	private final Notifications notifications;

	private final DigestSender digests;

	private final Clock clock;

	private final int batchSize;

	EscalationSweep(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
			EscalationPolicies policies, Notifications notifications, DigestSender digests, Clock clock,
			EscalationSettings settings) {
		this.jdbc = jdbc;
		this.sql = JdbcClient.create(jdbc);
		this.transaction = new TransactionTemplate(transactions);
		this.policies = policies;
		this.notifications = notifications;
		this.digests = digests;
		this.clock = clock;
		this.batchSize = settings.batchSize();
	}

	@Scheduled(fixedDelayString = "${herald.escalation.sweep-interval:1m}",
			initialDelayString = "${herald.escalation.sweep-interval:1m}")
	@SchedulerLock(name = "escalation-sweep", lockAtMostFor = "30m")
	void scheduled() {
		Report report = run(this.clock);
		if (report.stepsRecorded() > 0 || report.digests() > 0) {
			log.info("Escalation sweep: {} posts, {} steps recorded, {} reminders, {} digests in {} ms", report.posts(),
					report.stepsRecorded(), report.reminders(), report.digests(), report.millis());
		}
	}

	/**
	 * What one sweep did.
	 */
	record Report(int posts, int stepsRecorded, int reminders, int digests, long millis) {

	}

	/**
	 * One sweep at the clock's current time. Safe to run on several instances (or
	 * threads) at once.
	 */
	Report run(Clock at) {
		return run(at, null);
	}

	/**
	 * One sweep of some posts only (all when {@code only} is null): tests and benchmarks
	 * sharing a database with other posts.
	 */
	Report run(Clock at, Set<Long> only) {
		long start = System.nanoTime();
		Instant now = at.instant();
		EscalationRules rules = new EscalationRules(Clock.fixed(now, ZoneOffset.UTC));
		PolicyBook book = this.policies.book();
		List<SweepPost> posts = this.sql.sql(SweepPost.SELECT)
			.param("now", Timestamp.from(now))
			.query(SweepPost::of)
			.list()
			.stream()
			.filter((post) -> only == null || only.contains(post.id()))
			.toList();
		Map<String, ZoneId> zones = zones();
		Map<Long, Instant> swept = sweptUntil(posts);
		int recorded = 0;
		int reminders = 0;
		for (SweepPost post : posts) {
			List<PolicyStep> steps = book.stepsFor(post.priority(), post.channelId());
			if (steps.isEmpty()) {
				continue;
			}
			Instant sweptUntil = swept.get(post.id());
			Reach reach = Reach.of(post, steps, zones, sweptUntil, now);
			try {
				long after = Long.MIN_VALUE;
				while (true) {
					long from = after;
					Batch batch = this.transaction
						.execute((status) -> batch(post, steps, reach, rules, now, sweptUntil, from, zones));
					recorded += batch.recorded();
					reminders += batch.reminders();
					if (batch.read() < this.batchSize) {
						break;
					}
					after = batch.last();
				}
				this.transaction.executeWithoutResult((status) -> markSwept(post, now));
			}
			catch (RuntimeException ex) {
				// The post's progress stays where it was: the next sweep goes over
				// this stretch again, and what was recorded is not sent twice.
				log.warn("Escalation sweep failed for post {}; it is retried next time", post.id(), ex);
			}
		}
		int digests = 0;
		while (true) {
			Integer sent = this.transaction.execute((status) -> this.digests.sendQueued(now));
			if (sent == null || sent < 0) {
				break;
			}
			digests += sent;
		}
		return new Report(posts.size(), recorded, reminders, digests, (System.nanoTime() - start) / 1_000_000);
	}

	private record Batch(int read, long last, int recorded, int reminders) {

	}

	private Batch batch(SweepPost post, List<PolicyStep> steps, Reach reach, EscalationRules rules, Instant now,
			Instant sweptUntil, long after, Map<String, ZoneId> zones) {
		List<Row> rows = CandidateQuery.of(this.sql, post, reach, after, this.batchSize)
			.query((rs, row) -> new Row(rs.getLong("employee_id"), rs.getTimestamp("delivered_at").toInstant(),
					rs.getTimestamp("ack_due_at"), rs.getString("time_zone"), rs.getObject("manager_id", Long.class)))
			.list();
		if (rows.isEmpty()) {
			return new Batch(0, after, 0, 0);
		}
		Map<Long, Set<String>> done = done(post, rows.get(0).employeeId(), rows.get(rows.size() - 1).employeeId());
		List<Candidate> candidates = rows.stream().map((row) -> {
			Instant asked = row.deliveredAt().isAfter(post.askedFrom()) ? row.deliveredAt() : post.askedFrom();
			Pending pending = new Pending(post.id(), row.employeeId(), true, false, asked,
					effectiveDue(row.ownDue(), post.ackDueAt()), zone(row.timeZone(), zones),
					done.getOrDefault(row.employeeId(), Set.of()));
			return new Candidate(pending, row.managerId());
		}).toList();
		Map<Candidate, List<StepDue>> decided = new LinkedHashMap<>();
		Set<Long> managersToFind = new HashSet<>();
		for (Candidate candidate : candidates) {
			List<StepDue> due = rules.dueSteps(post.priority(), steps, candidate.pending(), sweptUntil);
			if (!due.isEmpty()) {
				decided.put(candidate, due);
				if (candidate.managerId() != null && due.stream()
					.anyMatch((d) -> d.outcome() == Outcome.SENT && d.step().action() == StepAction.ESCALATE_MANAGER)) {
					managersToFind.add(candidate.managerId());
				}
			}
		}
		Map<Long, ManagerChain.Link> links = links(managersToFind);
		List<Record> records = new ArrayList<>();
		decided.forEach((candidate, due) -> {
			Optional<Long> manager = ManagerChain.activeManager(candidate.pending().employeeId(), candidate.managerId(),
					links);
			for (StepDue step : due) {
				boolean toManager = step.outcome() == Outcome.SENT
						&& step.step().action() == StepAction.ESCALATE_MANAGER;
				records.add(new Record(candidate.pending(),
						(toManager && manager.isEmpty()) ? step.withOutcome(Outcome.NO_MANAGER) : step,
						toManager ? manager.orElse(null) : null));
			}
		});
		Timestamp stamp = Timestamp.from(now);
		int[] inserted = this.jdbc.batchUpdate("""
				insert into escalation_steps_done (announcement_id, employee_id, step_code, revision, done_at, outcome)
				values (:post, :employee, :step, :revision, :now, :outcome)
				on conflict do nothing
				""", records.stream()
			.map((r) -> new MapSqlParameterSource("post", post.id()).addValue("employee", r.pending().employeeId())
				.addValue("step", r.due().step().code())
				.addValue("revision", post.revision())
				.addValue("now", stamp)
				.addValue("outcome", r.due().outcome().name()))
			.toArray(SqlParameterSource[]::new));
		// Only what this transaction recorded is sent: another sweep that
		// recorded the rest sends the rest.
		Map<Long, List<PolicyStep>> remindersByPerson = new LinkedHashMap<>();
		Map<Long, Pending> people = new HashMap<>();
		List<SqlParameterSource> queued = new ArrayList<>();
		int recorded = 0;
		for (int i = 0; i < records.size(); i++) {
			if (inserted[i] == 0) {
				continue;
			}
			recorded++;
			Record record = records.get(i);
			PolicyStep step = record.due().step();
			if (record.due().outcome() != Outcome.SENT) {
				continue;
			}
			if (step.action().reminds()) {
				remindersByPerson.computeIfAbsent(record.pending().employeeId(), (id) -> new ArrayList<>()).add(step);
				people.put(record.pending().employeeId(), record.pending());
			}
			else {
				queued.add(
						new MapSqlParameterSource("action", step.action().name()).addValue("target", record.managerId())
							.addValue("post", post.id())
							.addValue("employee", record.pending().employeeId())
							.addValue("medium", step.medium().name())
							.addValue("critical", post.critical())
							.addValue("now", stamp));
			}
		}
		if (!queued.isEmpty()) {
			this.jdbc.batchUpdate("""
					insert into escalation_digest_queue (action, target_id, announcement_id, employee_id, medium,
					                                     critical, queued_at)
					values (:action, :target, :post, :employee, :medium, :critical, :now)
					""", queued.toArray(SqlParameterSource[]::new));
		}
		sendReminders(post, remindersByPerson, people);
		Candidate last = candidates.get(candidates.size() - 1);
		return new Batch(candidates.size(), last.pending().employeeId(), recorded, remindersByPerson.size());
	}

	private record Row(long employeeId, Instant deliveredAt, Timestamp ownDue, String timeZone, Long managerId) {

	}

	private record Candidate(Pending pending, Long managerId) {

	}

	// The steps recorded for a batch's people: one range of the primary key.
	private Map<Long, Set<String>> done(SweepPost post, long first, long last) {
		Map<Long, Set<String>> done = new HashMap<>();
		this.sql.sql("""
				select employee_id, step_code from escalation_steps_done
				where announcement_id = :post and revision = :revision and employee_id between :first and :last
				""")
			.param("post", post.id())
			.param("revision", post.revision())
			.param("first", first)
			.param("last", last)
			.query((rs) -> {
				done.computeIfAbsent(rs.getLong("employee_id"), (id) -> new HashSet<>()).add(rs.getString("step_code"));
			});
		return done;
	}

	// A late joiner's own time to acknowledge never cuts short a later window the
	// post gives everyone (a re-ask after a material revision), as in tracking.
	private static Instant effectiveDue(Timestamp own, Instant post) {
		if (own == null) {
			return post;
		}
		return (post != null && post.isAfter(own.toInstant())) ? post : own.toInstant();
	}

	private Map<Long, Instant> sweptUntil(List<SweepPost> posts) {
		Map<Long, Integer> revisions = new HashMap<>();
		posts.forEach((post) -> revisions.put(post.id(), post.revision()));
		Map<Long, Instant> swept = new HashMap<>();
		if (revisions.isEmpty()) {
			return swept;
		}
		this.sql.sql("""
				select announcement_id, revision, swept_until from escalation_progress
				where announcement_id = any(:posts)
				""").param("posts", revisions.keySet().toArray(Long[]::new)).query((rs) -> {
			if (revisions.get(rs.getLong("announcement_id")) == rs.getInt("revision")) {
				swept.put(rs.getLong("announcement_id"), rs.getTimestamp("swept_until").toInstant());
			}
		});
		return swept;
	}

	// Only ever forward: a sweep that started earlier and finished later must not
	// move it back.
	private void markSwept(SweepPost post, Instant now) {
		Timestamp until = Timestamp.from(now);
		this.sql
			.sql("""
					insert into escalation_progress (announcement_id, revision, swept_until) values (:post, :revision, :until)
					on conflict do nothing
					""")
			.param("post", post.id())
			.param("revision", post.revision())
			.param("until", until)
			.update();
		this.sql.sql("""
				update escalation_progress set swept_until = :until
				where announcement_id = :post and revision = :revision and swept_until < :until
				""").param("until", until).param("post", post.id()).param("revision", post.revision()).update();
	}

	private record Record(Pending pending, StepDue due, Long managerId) {

	}

	// Reminders that come due together (after downtime, say) are one reminder.
	private void sendReminders(SweepPost post, Map<Long, List<PolicyStep>> reminders, Map<Long, Pending> people) {
		List<Notice> email = new ArrayList<>();
		List<Notice> inApp = new ArrayList<>();
		reminders.forEach((employeeId, steps) -> {
			Pending pending = people.get(employeeId);
			PolicyStep last = steps.get(steps.size() - 1);
			String due = (pending.dueAt() != null)
					? DUE.format(pending.dueAt().atZone(pending.zone())) + " " + pending.zone().getId() : null;
			Notice notice = new Notice(employeeId, NotificationKind.REMINDER, post.id(), post.title(), due,
					"/announcements/" + post.id(), post.critical(),
					"reminder:" + post.id() + ":" + employeeId + ":r" + post.revision() + ":" + last.code());
			boolean byEmail = steps.stream().anyMatch((step) -> step.medium() == StepMedium.EMAIL);
			(byEmail ? email : inApp).add(notice);
		});
		this.notifications.send(email);
		this.notifications.sendInAppOnly(inApp);
	}

	/**
	 * The managers of these people up the chain as far as needed: one statement per
	 * level, and levels beyond the first only where a manager is inactive.
	 */
	private Map<Long, ManagerChain.Link> links(Set<Long> managerIds) {
		Map<Long, ManagerChain.Link> links = new HashMap<>();
		Set<Long> wanted = new TreeSet<>(managerIds);
		for (int depth = 0; !wanted.isEmpty() && depth < ManagerChain.MAX_DEPTH; depth++) {
			Set<Long> next = new TreeSet<>();
			this.sql.sql("select id, manager_id, active from employees where id = any(:ids)")
				.param("ids", wanted.toArray(Long[]::new))
				.query((rs) -> {
					ManagerChain.Link link = new ManagerChain.Link(rs.getObject("manager_id", Long.class),
							rs.getBoolean("active"));
					links.put(rs.getLong("id"), link);
					if (!link.active() && link.managerId() != null) {
						next.add(link.managerId());
					}
				});
			next.removeAll(links.keySet());
			wanted = next;
		}
		return links;
	}

	/**
	 * The time zones active people are in, by the name the directory stores.
	 */
	private Map<String, ZoneId> zones() {
		Map<String, ZoneId> zones = new ConcurrentHashMap<>();
		this.sql.sql("select distinct time_zone from employees where active = true")
			.query(String.class)
			.list()
			.forEach((name) -> zone(name, zones));
		return zones;
	}

	// The directory stores IANA names it checked; anything else counts as UTC, in
	// the rules and in the query alike.
	private static ZoneId zone(String name, Map<String, ZoneId> zones) {
		return zones.computeIfAbsent((name != null) ? name : "", (key) -> {
			try {
				return ZoneId.of(key);
			}
			catch (DateTimeException ex) {
				return ZoneOffset.UTC;
			}
		});
	}

}
