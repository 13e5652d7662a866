package io.herald.escalation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.notification.NotificationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep's escalations become one digest per manager across posts, and one per owner, HR
 * or crisis-team member; never one message per person.
 */
class DigestsTests {

	static final long MANAGER = 100;

	static final long OTHER_MANAGER = 200;

	static final long HR = 300;

	final Map<Long, String> titles = Map.of(1L, "Fire drill", 2L, "Data protection policy");

	final Map<Long, String> names = Map.of(11L, "Anna Nowak", 12L, "Piotr Wójcik", 13L, "陳美玲", 21L, "Tom Hughes");

	@Test
	void aManagerGetsOneDigestListingAllTheirOverdueReportsAcrossPosts() {
		List<DigestItem> items = List.of(manager(1, 1L, 11), manager(2, 1L, 12), manager(3, 2L, 11), manager(4, 2L, 13),
				item(5, StepAction.ESCALATE_MANAGER, OTHER_MANAGER, 1L, 21));

		List<Digests.Digest> digests = Digests.build(items, Map.of(), this.titles, this.names);

		assertThat(digests).hasSize(2);
		Digests.Digest mine = digests.stream().filter((d) -> d.notice().employeeId() == MANAGER).findFirst().get();
		assertThat(mine.notice().kind()).isEqualTo(NotificationKind.MANAGER_DIGEST);
		assertThat(mine.notice().link()).isEqualTo("/team");
		assertThat(mine.notice().detail().lines()).containsExactly("Data protection policy — Anna Nowak",
				"Data protection policy — 陳美玲", "Fire drill — Anna Nowak", "Fire drill — Piotr Wójcik");
		assertThat(mine.notice().subject()).contains("Fire drill").contains("Data protection policy");
		assertThat(mine.notice().announcementId()).isNull();
		assertThat(mine.email()).isTrue();
	}

	@Test
	void twoStepsForTheSamePersonAndPostAreOneLine() {
		List<DigestItem> items = List.of(manager(1, 1L, 11), manager(2, 1L, 11));

		Digests.Digest digest = Digests.build(items, Map.of(), this.titles, this.names).get(0);

		assertThat(digest.notice().detail().lines()).containsExactly("Fire drill — Anna Nowak");
		assertThat(digest.notice().announcementId()).isEqualTo(1L);
	}

	@Test
	void ownersAndHrGetOneDigestPerPersonWithHowManyHaveNotAcknowledgedEachPost() {
		List<DigestItem> items = List.of(item(1, StepAction.ESCALATE_CHANNEL_OWNER, null, 1L, 11),
				item(2, StepAction.ESCALATE_CHANNEL_OWNER, null, 1L, 12),
				item(3, StepAction.ESCALATE_HR, null, 2L, 13));
		Map<DigestItem.Group, Set<Long>> targets = Map.of(new DigestItem.Group(1L, StepAction.ESCALATE_CHANNEL_OWNER),
				Set.of(HR, 400L), new DigestItem.Group(2L, StepAction.ESCALATE_HR), Set.of(HR));

		List<Digests.Digest> digests = Digests.build(items, targets, this.titles, this.names);

		assertThat(digests).extracting((d) -> d.notice().employeeId()).containsExactly(HR, 400L);
		Digests.Digest hr = digests.get(0);
		assertThat(hr.notice().kind()).isEqualTo(NotificationKind.ESCALATION);
		assertThat(hr.notice().detail().lines()).containsExactly("Fire drill — 2: Anna Nowak, Piotr Wójcik",
				"Data protection policy — 1: 陳美玲");
		assertThat(hr.notice().link()).isEqualTo("/manage/announcements");
		assertThat(digests.get(1).notice().link()).isEqualTo("/manage/announcements/1/tracking");
	}

	@Test
	void digestsOfACriticalPostAreCriticalAndInAppStepsAreNotMailed() {
		List<DigestItem> items = List
			.of(new DigestItem(1, StepAction.ESCALATE_MANAGER, MANAGER, 1L, 11, StepMedium.IN_APP, true));

		Digests.Digest digest = Digests.build(items, Map.of(), this.titles, this.names).get(0);

		assertThat(digest.notice().critical()).isTrue();
		assertThat(digest.email()).isFalse();
	}

	@Test
	void eachDigestHasItsOwnIdempotencyKey() {
		List<DigestItem> first = List.of(manager(1, 1L, 11));
		List<DigestItem> next = List.of(manager(7, 1L, 12));

		assertThat(Digests.build(first, Map.of(), this.titles, this.names).get(0).notice().key())
			.isNotEqualTo(Digests.build(next, Map.of(), this.titles, this.names).get(0).notice().key());
	}

	private static DigestItem manager(long id, Long post, long employee) {
		return item(id, StepAction.ESCALATE_MANAGER, MANAGER, post, employee);
	}

	private static DigestItem item(long id, StepAction action, Long target, Long post, long employee) {
		return new DigestItem(id, action, target, post, employee, StepMedium.EMAIL, false);
	}

}
