package io.herald.escalation;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.herald.account.AccountService;
import io.herald.shared.Role;
import io.herald.directory.Contact;
import io.herald.directory.EmployeeDirectory;
import io.herald.notification.Notice;
import io.herald.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the escalations a sweep queued as digests: one per manager, and one per owner, HR
 * or crisis-team member, listing everyone they are told about across posts
 * ({@link Digests}). The queue rows are claimed with {@code for update skip locked} and
 * deleted in the transaction that sends their digests, so two sweeps at once send each
 * escalation once.
 */
@Component
class DigestSender {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	static final int DIGEST_CLAIM = 100_000;

	private final JdbcClient sql;

	private final Notifications notifications;

	private final AccountService accounts;

	private final EmployeeDirectory directory;

	private final ObjectProvider<CrisisTeams> crisisTeams;

	DigestSender(JdbcClient sql, Notifications notifications, AccountService accounts, EmployeeDirectory directory,
			ObjectProvider<CrisisTeams> crisisTeams) {
		this.sql = sql;
		this.notifications = notifications;
		this.accounts = accounts;
		this.directory = directory;
		this.crisisTeams = crisisTeams;
	}

	/**
	 * Claims the queued escalations, sends one digest per target and kind, and deletes
	 * what it claimed.
	 * @return how many digests went out, or -1 when the queue was empty
	 */
	int sendQueued(Instant now) {
		List<DigestItem> items = this.sql.sql("""
				select id, action, target_id, announcement_id, employee_id, medium, critical
				from escalation_digest_queue
				order by id
				limit :claim
				for update skip locked
				""")
			.param("claim", DIGEST_CLAIM)
			.query((rs, row) -> new DigestItem(rs.getLong("id"), StepAction.valueOf(rs.getString("action")),
					rs.getObject("target_id", Long.class), rs.getLong("announcement_id"), rs.getLong("employee_id"),
					StepMedium.valueOf(rs.getString("medium")), rs.getBoolean("critical")))
			.list();
		if (items.isEmpty()) {
			return -1;
		}
		this.sql.sql("delete from escalation_digest_queue where id = any(:ids)")
			.param("ids", items.stream().map(DigestItem::queueId).toArray(Long[]::new))
			.update();
		Set<Long> postIds = new TreeSet<>();
		items.forEach((item) -> postIds.add(item.announcementId()));
		Map<Long, String> titles = new HashMap<>();
		Map<Long, Long> channels = new HashMap<>();
		this.sql.sql("select id, title, channel_id from announcements where id = any(:posts)")
			.param("posts", postIds.toArray(Long[]::new))
			.query((rs) -> {
				titles.put(rs.getLong("id"), rs.getString("title"));
				channels.put(rs.getLong("id"), rs.getLong("channel_id"));
			});
		Map<DigestItem.Group, Set<Long>> targets = groupTargets(items, channels);
		Map<Long, String> names = this.directory.displayNames(peopleNamed(items));
		List<Digests.Digest> digests = Digests.build(items, targets, titles, names);
		Map<Long, Contact> readers = this.directory
			.findContacts(digests.stream().map((digest) -> digest.notice().employeeId()).distinct().toList());
		this.notifications.send(digests.stream()
			.filter(Digests.Digest::email)
			.map((digest) -> afterQuietHours(digest.notice(), readers.get(digest.notice().employeeId()), now))
			.toList());
		this.notifications
			.sendInAppOnly(digests.stream().filter((d) -> !d.email()).map(Digests.Digest::notice).toList());
		return digests.size();
	}

	// A non-critical digest's e-mail waits out its reader's own quiet hours: the
	// report's morning in Taipei may be the manager's night in Warsaw.
	static Notice afterQuietHours(Notice notice, Contact reader, Instant now) {
		if (notice.critical() || reader == null || reader.timeZone() == null) {
			return notice;
		}
		return new Notice(notice.employeeId(), notice.kind(), notice.announcementId(), notice.subject(),
				notice.detail(), notice.link(), false, notice.key(), QuietHours.release(now, reader.timeZone()));
	}

	// Channel owners (or HR where a channel has no active owner), HR, or the crisis
	// team: the incident plan's response team for a crisis alert.
	private Map<DigestItem.Group, Set<Long>> groupTargets(List<DigestItem> items, Map<Long, Long> channels) {
		Set<DigestItem.Group> groups = new HashSet<>();
		items.stream().filter((item) -> item.targetId() == null).forEach((item) -> groups.add(item.group()));
		if (groups.isEmpty()) {
			return Map.of();
		}
		Set<Long> channelIds = new TreeSet<>();
		groups.stream()
			.filter((group) -> group.action() == StepAction.ESCALATE_CHANNEL_OWNER)
			.forEach((group) -> channelIds.add(channels.get(group.announcementId())));
		Map<Long, Set<Long>> owners = new HashMap<>();
		if (!channelIds.isEmpty()) {
			this.sql.sql("""
					select m.channel_id, m.employee_id
					from channel_members m
					join employees e on e.id = m.employee_id
					where m.role = 'OWNER' and e.active = true and m.channel_id = any(:channels)
					""").param("channels", channelIds.toArray(Long[]::new)).query((rs) -> {
				owners.computeIfAbsent(rs.getLong("channel_id"), (id) -> new TreeSet<>())
					.add(rs.getLong("employee_id"));
			});
		}
		Map<Role, Set<Long>> holders = new HashMap<>();
		Map<DigestItem.Group, Set<Long>> targets = new HashMap<>();
		for (DigestItem.Group group : groups) {
			Set<Long> found = switch (group.action()) {
				case ESCALATE_CHANNEL_OWNER -> owners.getOrDefault(channels.get(group.announcementId()), Set.of());
				case ESCALATE_CRISIS_TEAM -> crisisTeam(group.announcementId(), holders);
				default -> holders.computeIfAbsent(Role.HR, this::activeHolders);
			};
			if (found.isEmpty() && group.action() == StepAction.ESCALATE_CHANNEL_OWNER) {
				found = holders.computeIfAbsent(Role.HR, this::activeHolders);
			}
			if (found.isEmpty()) {
				log.warn("Nobody to tell about post {} ({}): no active target", group.announcementId(), group.action());
			}
			targets.put(group, found);
		}
		return targets;
	}

	// A crisis alert's team is its plan's response team; any other critical post's,
	// or an alert whose whole team is gone, is the communications managers.
	private Set<Long> crisisTeam(long announcementId, Map<Role, Set<Long>> holders) {
		Set<Long> team = new TreeSet<>();
		this.crisisTeams.orderedStream().forEach((teams) -> team.addAll(teams.responseTeamOf(announcementId)));
		return team.isEmpty() ? holders.computeIfAbsent(Role.COMMS_MANAGER, this::activeHolders) : team;
	}

	private Set<Long> activeHolders(Role role) {
		Set<Long> holders = this.accounts.employeesHolding(role);
		if (holders.isEmpty()) {
			return new TreeSet<>();
		}
		return new TreeSet<>(this.sql.sql("select id from employees where active = true and id = any(:ids)")
			.param("ids", holders.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	// Everyone a manager's digest lists, and the first few of each post for the
	// others (Digests names five per post, lowest ids first).
	private static Set<Long> peopleNamed(List<DigestItem> items) {
		Set<Long> named = new HashSet<>();
		Map<Long, TreeSet<Long>> firstPerPost = new TreeMap<>();
		for (DigestItem item : items) {
			if (item.targetId() != null) {
				named.add(item.employeeId());
			}
			else {
				TreeSet<Long> first = firstPerPost.computeIfAbsent(item.announcementId(), (id) -> new TreeSet<>());
				first.add(item.employeeId());
				if (first.size() > Digests.NAMES_PER_POST) {
					first.pollLast();
				}
			}
		}
		firstPerPost.values().forEach(named::addAll);
		return named;
	}

}
