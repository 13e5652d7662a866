package io.herald.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.herald.notification.Notice;
import io.herald.notification.NotificationKind;

/**
 * Turns the escalations of one sweep into digests: each manager gets one listing all of
 * their overdue reports across posts (linking to {@code /team}), and each owner, HR or
 * crisis-team member one listing the posts they are told about, with how many people have
 * not acknowledged each. Someone who is both gets one of each. Lines hold names and
 * titles only; the sentence around them is the reader's language's.
 */
final class Digests {

	static final int MAX_LINES = 40;

	static final int NAMES_PER_POST = 5;

	/**
	 * A digest and whether it may be e-mailed (some step asked for e-mail).
	 */
	record Digest(Notice notice, boolean email) {

	}

	private Digests() {
	}

	static List<Digest> build(List<DigestItem> items, Map<DigestItem.Group, Set<Long>> groupTargets,
			Map<Long, String> titles, Map<Long, String> names) {
		Map<Long, List<DigestItem>> forManagers = new TreeMap<>();
		Map<Long, List<DigestItem>> forOthers = new TreeMap<>();
		for (DigestItem item : items) {
			if (item.targetId() != null) {
				forManagers.computeIfAbsent(item.targetId(), (id) -> new ArrayList<>()).add(item);
			}
			else {
				for (Long target : groupTargets.getOrDefault(item.group(), Set.of())) {
					forOthers.computeIfAbsent(target, (id) -> new ArrayList<>()).add(item);
				}
			}
		}
		List<Digest> digests = new ArrayList<>();
		forManagers.forEach((manager, theirs) -> digests.add(managerDigest(manager, theirs, titles, names)));
		forOthers.forEach((target, theirs) -> digests.add(escalationDigest(target, theirs, titles, names)));
		return digests;
	}

	private static Digest managerDigest(long manager, List<DigestItem> items, Map<Long, String> titles,
			Map<Long, String> names) {
		// One line per report and post, however many steps fell due together.
		Set<String> lines = new TreeSet<>();
		for (DigestItem item : items) {
			lines.add(title(titles, item.announcementId()) + " — " + name(names, item.employeeId()));
		}
		Notice notice = new Notice(manager, NotificationKind.MANAGER_DIGEST, singlePost(items), subject(items, titles),
				detail(new ArrayList<>(lines)), "/team", critical(items),
				"escalation-digest:manager:" + manager + ":" + firstId(items));
		return new Digest(notice, email(items));
	}

	private static Digest escalationDigest(long target, List<DigestItem> items, Map<Long, String> titles,
			Map<Long, String> names) {
		Map<Long, Set<Long>> peopleByPost = new TreeMap<>();
		for (DigestItem item : items) {
			peopleByPost.computeIfAbsent(item.announcementId(), (id) -> new TreeSet<>()).add(item.employeeId());
		}
		List<String> lines = new ArrayList<>();
		peopleByPost.forEach((post, people) -> {
			List<String> some = people.stream()
				.limit(NAMES_PER_POST)
				.map((id) -> name(names, id))
				.collect(Collectors.toList());
			if (people.size() > NAMES_PER_POST) {
				some.add("…");
			}
			lines.add(title(titles, post) + " — " + people.size() + ": " + String.join(", ", some));
		});
		Long post = singlePost(items);
		String link = (post != null) ? "/manage/announcements/" + post + "/tracking" : "/manage/announcements";
		Notice notice = new Notice(target, NotificationKind.ESCALATION, post, subject(items, titles), detail(lines),
				link, critical(items), "escalation-digest:escalation:" + target + ":" + firstId(items));
		return new Digest(notice, email(items));
	}

	private static String subject(List<DigestItem> items, Map<Long, String> titles) {
		Map<Long, String> distinct = new LinkedHashMap<>();
		items.stream()
			.sorted(Comparator.comparingLong(DigestItem::announcementId))
			.forEach((item) -> distinct.putIfAbsent(item.announcementId(), title(titles, item.announcementId())));
		return String.join("; ", distinct.values());
	}

	private static String detail(List<String> lines) {
		if (lines.size() <= MAX_LINES) {
			return String.join("\n", lines);
		}
		return String.join("\n", lines.subList(0, MAX_LINES)) + "\n+" + (lines.size() - MAX_LINES);
	}

	private static Long singlePost(List<DigestItem> items) {
		long first = items.get(0).announcementId();
		return items.stream().allMatch((item) -> item.announcementId() == first) ? first : null;
	}

	private static boolean critical(List<DigestItem> items) {
		return items.stream().anyMatch(DigestItem::critical);
	}

	private static boolean email(List<DigestItem> items) {
		return items.stream().anyMatch((item) -> item.medium() == StepMedium.EMAIL);
	}

	// Queue ids are claimed once, so the smallest names this digest alone: the
	// e-mail's idempotency key.
	private static long firstId(List<DigestItem> items) {
		return items.stream().mapToLong(DigestItem::queueId).min().orElseThrow();
	}

	private static String title(Map<Long, String> titles, long announcementId) {
		return titles.getOrDefault(announcementId, "#" + announcementId);
	}

	private static String name(Map<Long, String> names, long employeeId) {
		return names.getOrDefault(employeeId, "#" + employeeId);
	}

}
