package io.herald.insight;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import io.herald.channel.ChannelAudience;
import io.herald.channel.ChannelName;
import io.herald.channel.Channels;
import io.herald.crisis.DrillPosts;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.insight.InsightQueries.ChannelPosts;
import io.herald.insight.InsightQueries.Counted;
import io.herald.insight.InsightQueries.Key;
import io.herald.insight.InsightQueries.Scope;
import io.herald.shared.Callers;
import io.herald.shared.ForCommsHrAndAdmins;
import io.herald.shared.ForHrAndAdmins;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The insight dashboards for HR, communications managers and administrators: the overview
 * of a period against the one before, the 26-week trend, the breakdowns by department and
 * location, a department's drill-down with its overdue people, every post of a period,
 * the channel map with its flags ({@link InsightExports} gives them as CSV).
 *
 * <p>
 * Each answer first lets the roll-up take in what happened since the last one (see
 * {@link InsightRollUp} and {@link RollUpTrigger}), then reads in one read-only snapshot,
 * so the numbers on one page agree with each other. A fixed number of statements per
 * page, none over all deliveries.
 */
@Service
public class Insight {

	static final int TREND_WEEKS = 26;

	static final int OVERDUE_SHOWN = 200;

	private final InsightQueries queries;

	private final InsightRollUp rollUp;

	private final RollUpTrigger trigger;

	private final InsightRules rules;

	private final Channels channels;

	private final EmployeeDirectory directory;

	private final DrillPosts drills;

	private final TransactionTemplate snapshot;

	private final Clock clock;

	Insight(InsightQueries queries, InsightRollUp rollUp, RollUpTrigger trigger, InsightRules rules, Channels channels,
			EmployeeDirectory directory, DrillPosts drills, PlatformTransactionManager transactions, Clock clock) {
		this.drills = drills;
		this.queries = queries;
		this.rollUp = rollUp;
		this.trigger = trigger;
		this.rules = rules;
		this.channels = channels;
		this.directory = directory;
		this.clock = clock;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * The last 30 days, today included, in the caller's time zone.
	 */
	@ForCommsHrAndAdmins
	public InsightFilter defaultFilter() {
		return InsightFilter.lastDays(today());
	}

	/**
	 * Today in the caller's time zone.
	 */
	@ForCommsHrAndAdmins
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), zone());
	}

	@ForCommsHrAndAdmins
	public int minimumGroupSize() {
		return this.rules.minimumGroupSize();
	}

	@ForCommsHrAndAdmins
	public FilterOptions options() {
		return this.snapshot.execute((status) -> filterOptions());
	}

	/**
	 * The overview of the filter's period.
	 */
	@ForCommsHrAndAdmins
	public Overview overview(InsightFilter filter) {
		this.trigger.foldNow();
		ZoneId zone = zone();
		Instant now = this.clock.instant();
		int minimum = this.rules.minimumGroupSize();
		return this.snapshot.execute((status) -> {
			Set<Long> drills = this.drills.announcementIds();
			LocalDate today = LocalDate.ofInstant(now, zone);
			InsightFilter previous = filter.previous();
			LocalDate lastWeek = filter.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			LocalDate firstWeek = lastWeek.minusWeeks(TREND_WEEKS - 1);
			LocalDate earliest = firstWeek.isBefore(previous.from()) ? firstWeek : previous.from();
			LocalDate latest = lastWeek.plusWeeks(1).isAfter(filter.to()) ? lastWeek.plusWeeks(1).minusDays(1)
					: filter.to();
			Scope wide = scope(filter.withPeriod(earliest, latest), zone, drills);
			List<Counted> posts = this.queries.counts(wide, false);
			Map<Key, long[]> late = this.queries.late(wide, false, now);
			Scope current = scope(filter, zone, drills);
			Scope before = scope(previous, zone, drills);
			Tally now1 = new Tally();
			Tally then = new Tally();
			Map<LocalDate, Tally> weeks = new LinkedHashMap<>();
			for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
				weeks.put(week, new Tally());
			}
			for (Counted row : posts) {
				Instant at = row.post().publishedAt();
				if (within(at, current)) {
					now1.add(row, late, now);
				}
				if (within(at, before)) {
					then.add(row, late, now);
				}
				LocalDate week = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				Tally tally = weeks.get(week);
				if (tally != null) {
					tally.add(row, late, now);
				}
			}
			List<Week> trend = weeks.entrySet()
				.stream()
				// A week is over once its Sunday is: today's week (or a later one) is
				// partial.
				.map((e) -> new Week(e.getKey(), e.getValue().figures(minimum),
						!e.getKey().plusDays(6).isBefore(today)))
				.toList();
			List<Counted> cells = this.queries.counts(current, true);
			Map<Key, long[]> lateCells = this.queries.late(current, true, now);
			Figures figures = now1.figures(minimum);
			Figures previousFigures = then.figures(minimum);
			ReadTime median = figures.hidden() ? null : ReadTime.median(this.queries.readTimes(current));
			ReadTime previousMedian = previousFigures.hidden() ? null : ReadTime.median(this.queries.readTimes(before));
			// The filter form's choices name the breakdowns' rows too: one fetch each.
			FilterOptions options = filterOptions();
			return new Overview(filter, figures, previousFigures, median, previousMedian, trend,
					breakdown(cells, lateCells, now, Counted::departmentId, optionNames(options.departments())),
					breakdown(cells, lateCells, now, Counted::locationId, optionNames(options.locations())),
					this.rollUp.foldedAt(), minimum, options);
		});
	}

	/**
	 * One department's drill-down (0: people without a department): the filter's other
	 * criteria apply, its department is this one.
	 */
	@ForCommsHrAndAdmins
	public DepartmentInsight department(long departmentId, InsightFilter filter) {
		this.trigger.foldNow();
		InsightFilter own = filter.withDepartment(departmentId);
		ZoneId zone = zone();
		Instant now = this.clock.instant();
		int minimum = this.rules.minimumGroupSize();
		return this.snapshot.execute((status) -> {
			Scope scope = scope(own, zone, this.drills.announcementIds());
			List<PostFigures> posts = sorted(posts(scope, now), PostSort.PUBLISHED, true);
			Tally tally = new Tally();
			Map<Key, long[]> late = this.queries.late(scope, false, now);
			this.queries.counts(scope, false).forEach((row) -> tally.add(row, late, now));
			// Named people are HR's to see; communications managers get the counts.
			boolean peopleShown = Callers.hasAnyRole(Role.HR, Role.ADMIN);
			// The filter form's choices name the department and the overdue people's
			// locations too: one fetch each.
			FilterOptions options = filterOptions();
			List<OverduePerson> overdue = peopleShown
					? overduePeople(scope, now, OVERDUE_SHOWN + 1, optionNames(options.locations())) : List.of();
			String name = optionNames(options.departments()).get(departmentId);
			return new DepartmentInsight(departmentId, name, own, tally.figures(minimum), posts,
					overdue.subList(0, Math.min(OVERDUE_SHOWN, overdue.size())), overdue.size() > OVERDUE_SHOWN,
					peopleShown, this.rollUp.foldedAt(), minimum, options);
		});
	}

	/**
	 * Every post of the period with its figures for the people the filter counts.
	 */
	@ForCommsHrAndAdmins
	public List<PostFigures> announcements(InsightFilter filter, PostSort sort, boolean descending) {
		this.trigger.foldNow();
		ZoneId zone = zone();
		Instant now = this.clock.instant();
		return this.snapshot.execute(
				(status) -> sorted(posts(scope(filter, zone, this.drills.announcementIds()), now), sort, descending));
	}

	/**
	 * The channel map: every channel that is not archived with its audience, its posts in
	 * the window, their figures, its last post and its flags, flagged channels first.
	 */
	@ForCommsHrAndAdmins
	public ChannelMap channelMap() {
		this.trigger.foldNow();
		Instant now = this.clock.instant();
		int minimum = this.rules.minimumGroupSize();
		return this.snapshot.execute((status) -> {
			Set<Long> drills = this.drills.announcementIds();
			Instant windowStart = now.minus(this.rules.window());
			Instant previousStart = windowStart.minus(this.rules.window());
			Scope recent = new Scope(windowStart, now, null, null, null, null, drills);
			Scope before = new Scope(previousStart, windowStart, null, null, null, null, drills);
			Scope both = new Scope(previousStart, now, null, null, null, null, drills);
			List<Counted> rows = this.queries.counts(both, false);
			Map<Key, long[]> late = this.queries.late(both, false, now);
			Map<Long, Tally> current = new HashMap<>();
			Map<Long, Tally> previous = new HashMap<>();
			Tally organisation = new Tally();
			for (Counted row : rows) {
				boolean isRecent = within(row.post().publishedAt(), recent);
				(isRecent ? current : previous).computeIfAbsent(row.post().channelId(), (id) -> new Tally())
					.add(row, late, now);
				if (isRecent) {
					organisation.add(row, late, now);
				}
			}
			Map<Long, ChannelPosts> posts = this.queries.channelPosts(windowStart, drills);
			Map<Long, long[]> readTimes = this.queries.readTimesByChannel(recent);
			Map<Long, ChannelAudience> audiences = this.channels.audiences();
			Map<Long, ChannelName> views = new HashMap<>();
			this.channels.names().forEach((c) -> views.put(c.id(), c));
			double medianPosts = InsightRules.median(audiences.keySet()
				.stream()
				.map((id) -> posts.getOrDefault(id, new ChannelPosts(null, 0)).recent())
				.toList());
			Figures whole = organisation.figures(minimum);
			List<ChannelInsight> channels = new ArrayList<>();
			for (ChannelAudience audience : audiences.values()) {
				long id = audience.channelId();
				ChannelName view = views.get(id);
				ChannelPosts own = posts.getOrDefault(id, new ChannelPosts(null, 0));
				Figures figures = current.getOrDefault(id, new Tally()).figures(minimum);
				Figures earlier = previous.getOrDefault(id, new Tally()).figures(minimum);
				List<ChannelFlag> flags = this.rules.flags(new InsightRules.ChannelState(audience.createdAt(),
						own.lastPost(), own.recent(), figures, earlier), medianPosts, whole.readRate(), now);
				ReadTime median = figures.hidden() ? null
						: ReadTime.median(readTimes.getOrDefault(id, new long[ReadTime.BUCKETS]));
				channels.add(new ChannelInsight(id, view.slug(), view.name(), view.kind(), audience.people(),
						own.recent(), own.lastPost(), figures, median, flags));
			}
			channels.sort(Comparator.comparing((ChannelInsight c) -> c.flags().isEmpty())
				.thenComparing(ChannelInsight::name, String.CASE_INSENSITIVE_ORDER));
			return new ChannelMap(List.copyOf(channels), this.rules.window().toDays(), medianPosts, whole,
					this.rollUp.foldedAt(), minimum);
		});
	}

	/**
	 * The figures of a period as the API gives them.
	 */
	@ForCommsHrAndAdmins
	public InsightSummary summary(InsightFilter filter) {
		this.trigger.foldNow();
		ZoneId zone = zone();
		Instant now = this.clock.instant();
		int minimum = this.rules.minimumGroupSize();
		return this.snapshot.execute((status) -> {
			Scope scope = scope(filter, zone, this.drills.announcementIds());
			Map<Key, long[]> late = this.queries.late(scope, false, now);
			Tally tally = new Tally();
			this.queries.counts(scope, false).forEach((row) -> tally.add(row, late, now));
			return InsightSummary.of(tally.figures(minimum));
		});
	}

	/**
	 * Everyone the filter counts who owes an acknowledgement past due now, one row per
	 * person and post, longest overdue first.
	 */
	@ForHrAndAdmins
	public List<OverduePerson> overdue(InsightFilter filter) {
		this.trigger.foldNow();
		ZoneId zone = zone();
		Instant now = this.clock.instant();
		return this.snapshot.execute((status) -> overduePeople(scope(filter, zone, this.drills.announcementIds()), now,
				0, optionNames(options(this.directory.locationOptions()))));
	}

	private List<PostFigures> posts(Scope scope, Instant now) {
		int minimum = this.rules.minimumGroupSize();
		Map<Key, long[]> late = this.queries.late(scope, false, now);
		Map<Long, String> channelNames = new HashMap<>();
		this.channels.names().forEach((c) -> channelNames.put(c.id(), c.name()));
		List<PostFigures> posts = new ArrayList<>();
		for (Counted row : this.queries.counts(scope, false)) {
			Tally tally = new Tally();
			tally.add(row, late, now);
			Figures figures = tally.figures(minimum);
			if (figures.posts() == 0) {
				continue;
			}
			posts.add(new PostFigures(row.post().id(), row.post().title(), row.post().channelId(),
					channelNames.get(row.post().channelId()), row.post().priority(), row.post().publishedAt(),
					row.post().ackRequired(), figures));
		}
		return posts;
	}

	private List<OverduePerson> overduePeople(Scope scope, Instant now, int limit, Map<Long, String> locations) {
		List<InsightQueries.Overdue> rows = this.queries.overdue(scope, now, limit);
		Map<Long, EmployeeSummary> people = rows.isEmpty() ? Map.of() : this.directory
			.findSummaries(rows.stream().map(InsightQueries.Overdue::employeeId).distinct().toList());
		return rows.stream().map((row) -> {
			EmployeeSummary person = people.get(row.employeeId());
			return new OverduePerson(row.employeeId(),
					(person != null) ? person.displayName() : Long.toString(row.employeeId()),
					(person != null) ? person.email() : null, locations.get(row.locationId()), row.announcementId(),
					row.title(), row.dueAt());
		}).toList();
	}

	private List<Breakdown> breakdown(List<Counted> cells, Map<Key, long[]> late, Instant now,
			ToLongFunction<Counted> key, Map<Long, String> names) {
		Map<Long, Tally> groups = new HashMap<>();
		for (Counted cell : cells) {
			groups.computeIfAbsent(key.applyAsLong(cell), (id) -> new Tally()).add(cell, late, now);
		}
		return groups.entrySet()
			.stream()
			.map((e) -> new Breakdown(e.getKey(), names.get(e.getKey()),
					e.getValue().figures(this.rules.minimumGroupSize())))
			.filter((b) -> b.figures().posts() > 0)
			.sorted(Comparator.comparing(Breakdown::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
				.thenComparing(Breakdown::id))
			.toList();
	}

	private static List<PostFigures> sorted(List<PostFigures> posts, PostSort sort, boolean descending) {
		Comparator<PostFigures> order = switch (sort) {
			case PUBLISHED -> Comparator.comparing(PostFigures::publishedAt);
			case TITLE -> Comparator.comparing(PostFigures::title, String.CASE_INSENSITIVE_ORDER);
			case CHANNEL -> Comparator.comparing((PostFigures p) -> (p.channel() != null) ? p.channel() : "",
					String.CASE_INSENSITIVE_ORDER);
			case REACH -> Comparator.comparingLong((PostFigures p) -> p.figures().recipients());
			case READ -> Comparator.comparing((PostFigures p) -> p.figures().readRate(),
					Comparator.nullsFirst(Comparator.naturalOrder()));
			case ACK -> Comparator.comparing((PostFigures p) -> p.figures().ackRate(),
					Comparator.nullsFirst(Comparator.naturalOrder()));
			case OVERDUE ->
				Comparator.comparingLong((PostFigures p) -> p.figures().hidden() ? -1 : p.figures().overdue());
		};
		order = order.thenComparing(PostFigures::publishedAt).thenComparing(PostFigures::id);
		List<PostFigures> list = new ArrayList<>(posts);
		list.sort(descending ? order.reversed() : order);
		return List.copyOf(list);
	}

	private static boolean within(Instant at, Scope scope) {
		return !at.isBefore(scope.from()) && at.isBefore(scope.to());
	}

	/**
	 * The filter's posts in the viewer's time zone, drills left out: they are exercises,
	 * not how people read and acknowledge.
	 */
	private static Scope scope(InsightFilter filter, ZoneId zone, Set<Long> drills) {
		return new Scope(filter.from().atStartOfDay(zone).toInstant(),
				filter.to().plusDays(1).atStartOfDay(zone).toInstant(), filter.channelId(), filter.departmentId(),
				filter.locationId(), filter.priority(), drills);
	}

	private static ZoneId zone() {
		return Callers.current().map(SignedInPerson::timeZone).orElse(ZoneOffset.UTC);
	}

	/**
	 * Every channel (archived ones too: their posts stay in the periods they were
	 * published in), department and location, by name.
	 */
	private FilterOptions filterOptions() {
		return new FilterOptions(
				this.channels.names().stream().map((c) -> new InsightOption(c.id(), c.name())).toList(),
				options(this.directory.departmentOptions()), options(this.directory.locationOptions()));
	}

	private static Map<Long, String> optionNames(List<InsightOption> options) {
		Map<Long, String> names = new HashMap<>();
		options.forEach((o) -> names.put(o.id(), o.name()));
		return names;
	}

	private static List<InsightOption> options(List<DirectoryOption> options) {
		return options.stream().map((o) -> new InsightOption(o.id(), o.name())).toList();
	}

}
