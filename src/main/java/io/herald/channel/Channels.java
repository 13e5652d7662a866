package io.herald.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.herald.audit.AuditLog;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeSummary;
import io.herald.directory.Placement;
import io.herald.shared.Callers;
import io.herald.shared.ForCommsAndAdmins;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.Role;
import io.herald.shared.SignedInPerson;
import io.herald.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The channels' public face: list them, subscribe to topics, tell who may post where, and
 * let communications managers keep them.
 */
@Service
@NamedInterface("api")
public class Channels {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final ChannelRepository channels;

	private final EmployeeDirectory directory;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	Channels(ChannelRepository channels, EmployeeDirectory directory, AuditLog audit, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.channels = channels;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ChannelView> find(long id) {
		return this.channels.findWithMembersById(id).map(Channel::toView);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ChannelView> findBySlug(String slug) {
		return this.channels.findBySlug(slug).map(Channel::toView);
	}

	/**
	 * Every channel by name, archived ones included.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ChannelView> all() {
		return this.channels.findAllByOrderByName().stream().map(Channel::toView).toList();
	}

	/**
	 * Every channel by name, archived ones included, without its members: one statement
	 * over the channels alone.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ChannelName> names() {
		return this.jdbc.sql("""
				select id, slug, name, kind, archived
				from channels
				order by name""")
			.query((rs, row) -> new ChannelName(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					ChannelKind.valueOf(rs.getString("kind")), rs.getBoolean("archived")))
			.list();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<Long, ChannelView> byId(Collection<Long> ids) {
		return this.channels.findWithMembersByIdIn(ids)
			.stream()
			.map(Channel::toView)
			.collect(Collectors.toMap(ChannelView::id, Function.identity()));
	}

	/**
	 * The channels one person sees: all that are not archived, with whether each reaches
	 * them and whether they subscribed.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ChannelListing> listFor(SignedInPerson person) {
		Placement placement = this.directory.findPlacement(person.employeeId())
			.orElse(new Placement(person.employeeId(), null, null, false));
		Set<Long> subscribed = subscriptionsOf(person.employeeId());
		boolean manager = Callers.hasAnyRole(Role.COMMS_MANAGER);
		return this.channels.findAllByOrderByName()
			.stream()
			.filter((channel) -> !channel.isArchived())
			.map(Channel::toView)
			.map((channel) -> new ChannelListing(channel, reaches(channel, placement, subscribed),
					subscribed.contains(channel.id()), manager || channel.mayPost(person.employeeId())))
			.toList();
	}

	/**
	 * The open channels whose posts reach the caller, by name (the feed's channel
	 * filter): the rule of {@link #reaches(ChannelView, Placement, Set)} in one
	 * statement, without loading every channel and its members.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ChannelLink> reachingCaller() {
		Placement placement = this.directory.findPlacement(Callers.require().employeeId()).orElse(null);
		if (placement == null || !placement.active()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select c.slug, c.name from channels c
					where c.archived = false
					  and (c.kind = 'COMPANY'
					    or (c.kind = 'DEPARTMENT' and c.department_id = :department)
					    or (c.kind = 'LOCATION' and c.location_id = :location)
					    or (c.kind = 'TOPIC' and (c.mandatory = true or exists (
					          select 1 from channel_subscriptions s where s.channel_id = c.id and s.employee_id = :employee))))
					order by c.name""")
			.param("department", placement.departmentId())
			.param("location", placement.locationId())
			.param("employee", placement.employeeId())
			.query((rs, row) -> new ChannelLink(rs.getString("slug"), rs.getString("name")))
			.list();
	}

	/**
	 * The head of a channel's page for the caller, in one read: the channel, and whether
	 * its posts reach the caller (the rule of
	 * {@link #reaches(ChannelView, Placement, Set)}).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ChannelHeading> headingForCaller(String slug) {
		Placement placement = this.directory.findPlacement(Callers.require().employeeId()).orElse(null);
		boolean placed = placement != null && placement.active();
		return this.jdbc
			.sql("""
					select c.slug, c.name, c.description, c.kind, c.mandatory, c.archived,
					  case when :placed and (c.kind = 'COMPANY'
					    or (c.kind = 'DEPARTMENT' and c.department_id = :department)
					    or (c.kind = 'LOCATION' and c.location_id = :location)
					    or (c.kind = 'TOPIC' and (c.mandatory = true or exists (
					          select 1 from channel_subscriptions s where s.channel_id = c.id and s.employee_id = :employee))))
					  then true else false end as reaches
					from channels c where c.slug = :slug""")
			.param("placed", placed)
			// No id is negative: someone unplaced matches no department, location or
			// subscription (and typed parameters spare the driver a round trip for
			// nulls).
			.param("department", (placed && placement.departmentId() != null) ? placement.departmentId() : -1L)
			.param("location", (placed && placement.locationId() != null) ? placement.locationId() : -1L)
			.param("employee", placed ? placement.employeeId() : -1L)
			.param("slug", slug)
			.query((rs, row) -> new ChannelHeading(rs.getString("slug"), rs.getString("name"),
					rs.getString("description"), ChannelKind.valueOf(rs.getString("kind")), rs.getBoolean("mandatory"),
					rs.getBoolean("archived"), rs.getBoolean("reaches")))
			.optional();
	}

	/**
	 * The channels the caller may post to: every open channel for communications
	 * managers, otherwise those they own or publish in.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ChannelView> postableByCaller() {
		SignedInPerson caller = Callers.require();
		boolean manager = Callers.hasAnyRole(Role.COMMS_MANAGER);
		return this.channels.findAllByOrderByName()
			.stream()
			.filter((channel) -> !channel.isArchived())
			.map(Channel::toView)
			.filter((channel) -> manager || channel.mayPost(caller.employeeId()))
			.toList();
	}

	/**
	 * Whether the caller may post to a channel (the channel must be open).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean callerMayPost(long channelId) {
		SignedInPerson caller = Callers.require();
		return this.channels.findWithMembersById(channelId)
			.filter((channel) -> !channel.isArchived())
			.map(Channel::toView)
			.map((channel) -> Callers.hasAnyRole(Role.COMMS_MANAGER) || channel.mayPost(caller.employeeId()))
			.orElse(false);
	}

	/**
	 * Whether the caller manages a channel's posts: communications managers manage every
	 * channel, owners and publishers their own.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean callerManages(long channelId) {
		if (Callers.hasAnyRole(Role.COMMS_MANAGER)) {
			return true;
		}
		return this.jdbc.sql("""
				select count(*) from channel_members where channel_id = :channel and employee_id = :employee""")
			.param("channel", channelId)
			.param("employee", Callers.require().employeeId())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Who each channel that is not archived reaches now, by the audience rule (everyone
	 * active for company channels and mandatory topics, a department's or location's
	 * active people, a topic's active subscribers), by name. One pass over the active
	 * people, counted by department and location together (the company's, a department's
	 * and a location's audiences are sums of these cells), and the topics' subscriptions
	 * less those of people no longer active (few, so no hash of every employee); it reads
	 * the directory's and the subscriptions' tables directly, as the fan-out does.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<Long, ChannelAudience> audiences() {
		long everyone = 0;
		Map<Long, Long> byDepartment = new HashMap<>();
		Map<Long, Long> byLocation = new HashMap<>();
		List<PlaceCount> cells = this.jdbc.sql("""
				select department_id, location_id, count(*) as people
				from employees
				where active = true
				group by department_id, location_id""")
			.query((rs, row) -> new PlaceCount(rs.getObject("department_id", Long.class),
					rs.getObject("location_id", Long.class), rs.getLong("people")))
			.list();
		for (PlaceCount cell : cells) {
			everyone += cell.people();
			if (cell.departmentId() != null) {
				byDepartment.merge(cell.departmentId(), cell.people(), Long::sum);
			}
			if (cell.locationId() != null) {
				byLocation.merge(cell.locationId(), cell.people(), Long::sum);
			}
		}
		Map<Long, Long> subscribers = new HashMap<>();
		this.jdbc.sql("""
				select s.channel_id, count(*) as people
				from channel_subscriptions s
				join channels c on c.id = s.channel_id
				where c.kind = 'TOPIC' and c.mandatory = false and c.archived = false
				  and not exists (select 1 from employees e where e.id = s.employee_id and e.active = false)
				group by s.channel_id""").query((rs) -> {
			subscribers.put(rs.getLong("channel_id"), rs.getLong("people"));
		});
		long all = everyone;
		Map<Long, ChannelAudience> audiences = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, kind, department_id, location_id, mandatory, created_at
				from channels
				where archived = false
				order by name""").query((rs) -> {
			long id = rs.getLong("id");
			long people = switch (ChannelKind.valueOf(rs.getString("kind"))) {
				case COMPANY -> all;
				case DEPARTMENT -> byDepartment.getOrDefault(rs.getLong("department_id"), 0L);
				case LOCATION -> byLocation.getOrDefault(rs.getLong("location_id"), 0L);
				case TOPIC -> rs.getBoolean("mandatory") ? all : subscribers.getOrDefault(id, 0L);
			};
			audiences.put(id, new ChannelAudience(id, people, rs.getTimestamp("created_at").toInstant()));
		});
		return audiences;
	}

	/**
	 * Whether the caller posts anywhere, so deserves the authoring desk.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean callerPostsAnywhere() {
		if (Callers.hasAnyRole(Role.COMMS_MANAGER)) {
			return true;
		}
		return this.jdbc.sql("""
				select count(*) from channel_members m join channels c on c.id = m.channel_id
				where m.employee_id = :employee and c.archived = false""")
			.param("employee", Callers.require().employeeId())
			.query(Long.class)
			.single() > 0;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void subscribe(String slug) {
		SignedInPerson caller = Callers.require();
		ChannelView channel = subscribable(slug);
		int added = this.jdbc.sql("""
				insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
				select :channel, :employee, :at
				where not exists (select 1 from channel_subscriptions
				                  where channel_id = :channel and employee_id = :employee)""")
			.param("channel", channel.id())
			.param("employee", caller.employeeId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (added > 0) {
			this.events.publishEvent(new ChannelSubscribed(channel.id(), caller.employeeId()));
		}
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void unsubscribe(String slug) {
		SignedInPerson caller = Callers.require();
		ChannelView channel = subscribable(slug);
		this.jdbc.sql("delete from channel_subscriptions where channel_id = :channel and employee_id = :employee")
			.param("channel", channel.id())
			.param("employee", caller.employeeId())
			.update();
	}

	/**
	 * Creates a channel or, with an id, changes it. Refuses bad input with problems per
	 * field and changes nothing then.
	 */
	@ForCommsAndAdmins
	@Transactional
	public long save(ChannelDetails details) {
		List<Problem> problems = new ArrayList<>();
		String slug = (details.slug() != null) ? details.slug().strip().toLowerCase(Locale.ROOT) : "";
		String name = (details.name() != null) ? details.name().strip() : "";
		String description = StringUtils.hasText(details.description()) ? details.description().strip() : null;
		Channel channel = null;
		if (details.id() != null) {
			channel = this.channels.findWithMembersById(details.id())
				.orElseThrow(() -> new InvalidChange(null, "channel.notFound"));
			if (channel.getVersion() != details.version()) {
				throw new InvalidChange(null, "channel.edit.concurrent");
			}
		}
		if (name.isEmpty() || name.length() > 120) {
			problems.add(new Problem("name", "channel.name.invalid"));
		}
		if (description != null && description.length() > 1000) {
			problems.add(new Problem("description", "channel.description.tooLong"));
		}
		if (channel == null) {
			if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
				problems.add(new Problem("slug", "channel.slug.invalid"));
			}
			else if (this.channels.existsBySlug(slug)) {
				problems.add(new Problem("slug", "channel.slug.taken"));
			}
			if (details.kind() == null) {
				problems.add(new Problem("kind", "channel.kind.required"));
			}
			else if (details.kind() == ChannelKind.DEPARTMENT
					&& !known(details.departmentId(), this.directory.departmentOptions())) {
				problems.add(new Problem("departmentId", "channel.department.required"));
			}
			else if (details.kind() == ChannelKind.LOCATION
					&& !known(details.locationId(), this.directory.locationOptions())) {
				problems.add(new Problem("locationId", "channel.location.required"));
			}
		}
		Map<Long, ChannelRole> members = new LinkedHashMap<>();
		resolve(details.publisherEmails(), ChannelRole.PUBLISHER, "publisherEmails", members, problems);
		resolve(details.ownerEmails(), ChannelRole.OWNER, "ownerEmails", members, problems);
		InvalidChange.refuseIfAny(problems);
		boolean created = channel == null;
		if (created) {
			ChannelKind kind = details.kind();
			channel = new Channel(slug, kind, (kind == ChannelKind.DEPARTMENT) ? details.departmentId() : null,
					(kind == ChannelKind.LOCATION) ? details.locationId() : null, this.clock.instant());
		}
		channel.describe(name, description, details.mandatory(), details.requiresReview());
		channel.replaceMembers(members);
		long id = this.channels.saveAndFlush(channel).getId();
		this.audit.record(created ? "channel.created" : "channel.changed", "channel", id, channel.getSlug());
		return id;
	}

	@ForCommsAndAdmins
	@Transactional
	public void archive(long id, boolean archived) {
		Channel channel = this.channels.findById(id).orElseThrow(() -> new InvalidChange(null, "channel.notFound"));
		if (channel.isArchived() != archived) {
			channel.archive(archived);
			this.audit.record(archived ? "channel.archived" : "channel.restored", "channel", id, channel.getSlug());
		}
	}

	/**
	 * A company-wide channel that the system posts to (crisis alerts), created the first
	 * time it is needed. Nobody is a member: only the system posts there.
	 * @return its id
	 */
	@ForCommsAndAdmins
	@Transactional
	public long systemChannel(String slug, String name) {
		return this.channels.findBySlug(slug).map(Channel::getId).orElseGet(() -> {
			Channel channel = new Channel(slug, ChannelKind.COMPANY, null, null, this.clock.instant());
			channel.describe(name, null, true, false);
			channel.replaceMembers(Map.of());
			long id = this.channels.saveAndFlush(channel).getId();
			this.audit.record("channel.created", "channel", id, slug);
			return id;
		});
	}

	/**
	 * Makes sure there is a company-wide channel and one channel per department and per
	 * location; returns how many it created.
	 */
	@ForCommsAndAdmins
	@Transactional
	public int createStandardChannels(String companyName) {
		int created = 0;
		if (this.channels.findAllByOrderByName().stream().noneMatch((c) -> c.getKind() == ChannelKind.COMPANY)) {
			created += standard("company", companyName, ChannelKind.COMPANY, null, null);
		}
		for (DirectoryOption department : this.directory.departmentOptions()) {
			if (!this.channels.existsByKindAndDepartmentId(ChannelKind.DEPARTMENT, department.id())) {
				created += standard(freeSlug(Text.searchable(department.name())), department.name(),
						ChannelKind.DEPARTMENT, department.id(), null);
			}
		}
		for (DirectoryOption location : this.directory.locationOptions()) {
			if (!this.channels.existsByKindAndLocationId(ChannelKind.LOCATION, location.id())) {
				created += standard(freeSlug(Text.searchable(location.name())), location.name(), ChannelKind.LOCATION,
						null, location.id());
			}
		}
		return created;
	}

	private int standard(String slug, String name, ChannelKind kind, Long departmentId, Long locationId) {
		Channel channel = new Channel(slug, kind, departmentId, locationId, this.clock.instant());
		channel.describe(name, null, false, false);
		long id = this.channels.saveAndFlush(channel).getId();
		this.audit.record("channel.created", "channel", id, slug);
		return 1;
	}

	private String freeSlug(String text) {
		String base = text.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (base.isEmpty()) {
			base = "channel";
		}
		String slug = base;
		for (int i = 2; this.channels.existsBySlug(slug); i++) {
			slug = base + "-" + i;
		}
		return slug;
	}

	private void resolve(List<String> emails, ChannelRole role, String field, Map<Long, ChannelRole> members,
			List<Problem> problems) {
		if (emails == null) {
			return;
		}
		for (String email : emails) {
			if (!StringUtils.hasText(email)) {
				continue;
			}
			Optional<EmployeeSummary> person = this.directory.findByEmail(email.strip())
				.filter(EmployeeSummary::active);
			if (person.isEmpty()) {
				problems.add(new Problem(field, "channel.member.unknown", email.strip()));
			}
			else {
				members.put(person.get().id(), role);
			}
		}
	}

	private ChannelView subscribable(String slug) {
		ChannelView channel = this.channels.findBySlug(slug)
			.map(Channel::toView)
			.orElseThrow(() -> new InvalidChange(null, "channel.notFound"));
		if (channel.kind() != ChannelKind.TOPIC || channel.mandatory() || channel.archived()) {
			throw new InvalidChange(null, "channel.subscription.notTopic");
		}
		return channel;
	}

	private Set<Long> subscriptionsOf(long employeeId) {
		return Set.copyOf(this.jdbc.sql("select channel_id from channel_subscriptions where employee_id = :employee")
			.param("employee", employeeId)
			.query(Long.class)
			.list());
	}

	private static boolean reaches(ChannelView channel, Placement placement, Set<Long> subscribed) {
		if (!placement.active()) {
			return false;
		}
		return switch (channel.kind()) {
			case COMPANY -> true;
			case DEPARTMENT -> channel.departmentId().equals(placement.departmentId());
			case LOCATION -> channel.locationId().equals(placement.locationId());
			case TOPIC -> channel.mandatory() || subscribed.contains(channel.id());
		};
	}

	private static boolean known(Long id, List<DirectoryOption> options) {
		return id != null && options.stream().anyMatch((option) -> option.id() == id);
	}

	/**
	 * How many active people work in one department at one location (either may be none).
	 */
	private record PlaceCount(Long departmentId, Long locationId, long people) {

	}

}
