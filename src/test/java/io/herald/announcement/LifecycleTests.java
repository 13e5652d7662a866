package io.herald.announcement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.herald.announcement.Lifecycle.Actor;
import io.herald.shared.InvalidChange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.herald.announcement.AnnouncementAction.APPROVE;
import static io.herald.announcement.AnnouncementAction.ARCHIVE;
import static io.herald.announcement.AnnouncementAction.DISCARD;
import static io.herald.announcement.AnnouncementAction.EDIT;
import static io.herald.announcement.AnnouncementAction.PUBLISH;
import static io.herald.announcement.AnnouncementAction.REQUEST_CHANGES;
import static io.herald.announcement.AnnouncementAction.REVISE;
import static io.herald.announcement.AnnouncementAction.SCHEDULE;
import static io.herald.announcement.AnnouncementAction.SUBMIT;
import static io.herald.announcement.AnnouncementAction.UNSCHEDULE;
import static io.herald.announcement.AnnouncementAction.WITHDRAW;
import static io.herald.announcement.AnnouncementStatus.APPROVED;
import static io.herald.announcement.AnnouncementStatus.ARCHIVED;
import static io.herald.announcement.AnnouncementStatus.CHANGES_REQUESTED;
import static io.herald.announcement.AnnouncementStatus.DRAFT;
import static io.herald.announcement.AnnouncementStatus.IN_REVIEW;
import static io.herald.announcement.AnnouncementStatus.PUBLISHED;
import static io.herald.announcement.AnnouncementStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTests {

	// The author of the post, who may post to its channel but not review there.
	static final Actor AUTHOR = new Actor(true, true, false);

	// A channel owner reviewing someone else's post: may review, may not post it.
	static final Actor REVIEWER = new Actor(false, false, true);

	// A communications manager: posts anywhere and reviews anywhere.
	static final Actor MANAGER = new Actor(false, true, true);

	// The author who also owns the channel.
	static final Actor AUTHOR_AND_OWNER = new Actor(true, true, true);

	// Someone who may neither post nor review.
	static final Actor BYSTANDER = new Actor(false, false, false);

	@Test
	void authorCannotApproveOwnPost() {
		assertRefused(() -> Lifecycle.next(APPROVE, IN_REVIEW, true, AUTHOR_AND_OWNER), "ownReview");
	}

	@Test
	void authorCannotRequestChangesToOwnPost() {
		assertRefused(() -> Lifecycle.next(REQUEST_CHANGES, IN_REVIEW, true, AUTHOR_AND_OWNER), "ownReview");
	}

	@Test
	void reviewerApprovesSomeoneElsesPostInReview() {
		assertThat(Lifecycle.next(APPROVE, IN_REVIEW, true, REVIEWER)).isEqualTo(APPROVED);
		assertThat(Lifecycle.next(APPROVE, IN_REVIEW, true, MANAGER)).isEqualTo(APPROVED);
	}

	@Test
	void reviewerSendsAPostBackForChanges() {
		assertThat(Lifecycle.next(REQUEST_CHANGES, IN_REVIEW, true, REVIEWER)).isEqualTo(CHANGES_REQUESTED);
	}

	@Test
	void posterWhoIsNoReviewerCannotApprove() {
		assertRefused(() -> Lifecycle.next(APPROVE, IN_REVIEW, true, AUTHOR), "notReviewer");
	}

	@Test
	void reviewerCannotPostOrChangeSomeoneElsesPost() {
		for (AnnouncementAction action : EnumSet.complementOf(EnumSet.of(APPROVE, REQUEST_CHANGES))) {
			for (AnnouncementStatus status : AnnouncementStatus.values()) {
				assertRefused(() -> Lifecycle.next(action, status, true, REVIEWER), "notPoster");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(AnnouncementAction.class)
	void nonPosterMayDoNothing(AnnouncementAction action) {
		String reason = (action == APPROVE || action == REQUEST_CHANGES) ? "notReviewer" : "notPoster";
		for (AnnouncementStatus status : AnnouncementStatus.values()) {
			for (boolean review : new boolean[] { true, false }) {
				assertRefused(() -> Lifecycle.next(action, status, review, BYSTANDER), reason);
			}
		}
	}

	@Test
	void publishingOnReviewChannelNeedsApproval() {
		assertRefused(() -> Lifecycle.next(PUBLISH, DRAFT, true, AUTHOR), "reviewRequired");
		assertRefused(() -> Lifecycle.next(PUBLISH, CHANGES_REQUESTED, true, AUTHOR), "reviewRequired");
		assertRefused(() -> Lifecycle.next(PUBLISH, DRAFT, true, MANAGER), "reviewRequired");
		assertThat(Lifecycle.next(PUBLISH, APPROVED, true, AUTHOR)).isEqualTo(PUBLISHED);
	}

	@Test
	void schedulingOnReviewChannelNeedsApproval() {
		assertRefused(() -> Lifecycle.next(SCHEDULE, DRAFT, true, AUTHOR), "reviewRequired");
		assertThat(Lifecycle.next(SCHEDULE, APPROVED, true, AUTHOR)).isEqualTo(SCHEDULED);
	}

	@Test
	void draftOnChannelWithoutReviewPublishesOrSchedulesDirectly() {
		assertThat(Lifecycle.next(PUBLISH, DRAFT, false, AUTHOR)).isEqualTo(PUBLISHED);
		assertThat(Lifecycle.next(SCHEDULE, DRAFT, false, AUTHOR)).isEqualTo(SCHEDULED);
	}

	@Test
	void submittingIsForChannelsWithReviewOnly() {
		assertRefused(() -> Lifecycle.next(SUBMIT, DRAFT, false, AUTHOR), "reviewNotRequired");
		assertThat(Lifecycle.next(SUBMIT, DRAFT, true, AUTHOR)).isEqualTo(IN_REVIEW);
		assertThat(Lifecycle.next(SUBMIT, CHANGES_REQUESTED, true, AUTHOR)).isEqualTo(IN_REVIEW);
	}

	@Test
	void scheduledPostCanBePublishedEarlyButNotScheduledTwice() {
		assertThat(Lifecycle.next(PUBLISH, SCHEDULED, true, AUTHOR)).isEqualTo(PUBLISHED);
		assertRefused(() -> Lifecycle.next(SCHEDULE, SCHEDULED, false, AUTHOR), "schedule");
	}

	@Test
	void unschedulingReturnsToDraftSoAReviewChannelReviewsItAgain() {
		assertThat(Lifecycle.next(UNSCHEDULE, SCHEDULED, true, AUTHOR)).isEqualTo(DRAFT);
		assertRefused(() -> Lifecycle.next(PUBLISH, Lifecycle.next(UNSCHEDULE, SCHEDULED, true, AUTHOR), true, AUTHOR),
				"reviewRequired");
	}

	@Test
	void approvedPostIsNoLongerEditableWithoutGoingBackThroughReview() {
		assertRefused(() -> Lifecycle.next(EDIT, APPROVED, true, AUTHOR), "edit");
		assertRefused(() -> Lifecycle.next(EDIT, SCHEDULED, true, AUTHOR), "edit");
	}

	@Test
	void publishedPostIsRevisedNotEdited() {
		assertRefused(() -> Lifecycle.next(EDIT, PUBLISHED, false, AUTHOR), "edit");
		assertThat(Lifecycle.next(REVISE, PUBLISHED, false, AUTHOR)).isEqualTo(PUBLISHED);
	}

	@Test
	void archivedPostIsFinal() {
		for (AnnouncementAction action : AnnouncementAction.values()) {
			for (Actor actor : new Actor[] { AUTHOR, MANAGER, AUTHOR_AND_OWNER }) {
				assertThatThrownBy(() -> Lifecycle.next(action, ARCHIVED, true, actor))
					.isInstanceOf(InvalidChange.class);
				assertThatThrownBy(() -> Lifecycle.next(action, ARCHIVED, false, actor))
					.isInstanceOf(InvalidChange.class);
			}
		}
	}

	@Test
	void authorWithdrawsFromReviewBackToDraft() {
		assertThat(Lifecycle.next(WITHDRAW, IN_REVIEW, true, AUTHOR)).isEqualTo(DRAFT);
		assertRefused(() -> Lifecycle.next(WITHDRAW, APPROVED, true, AUTHOR), "withdraw");
	}

	@Test
	void postInReviewIsFrozenForItsAuthor() {
		assertRefused(() -> Lifecycle.next(EDIT, IN_REVIEW, true, AUTHOR), "edit");
		assertRefused(() -> Lifecycle.next(PUBLISH, IN_REVIEW, true, AUTHOR), "publish");
		assertRefused(() -> Lifecycle.next(SUBMIT, IN_REVIEW, true, AUTHOR), "submit");
		assertRefused(() -> Lifecycle.next(DISCARD, IN_REVIEW, true, AUTHOR), "discard");
	}

	@Test
	void onlyDraftsAndPostsSentBackCanBeDiscarded() {
		assertThat(Lifecycle.next(DISCARD, DRAFT, true, AUTHOR)).isEqualTo(DRAFT);
		assertThat(Lifecycle.next(DISCARD, CHANGES_REQUESTED, true, AUTHOR)).isEqualTo(CHANGES_REQUESTED);
		assertRefused(() -> Lifecycle.next(DISCARD, PUBLISHED, false, AUTHOR), "discard");
	}

	/**
	 * Every action from every status, for a poster, on both kinds of channel: the status
	 * it leads to, or the reason it is refused.
	 */
	@ParameterizedTest(name = "{0} from {1}, review={2}: {3}")
	@MethodSource("everyActionFromEveryStatus")
	void posterMovesFollowTheLifecycle(AnnouncementAction action, AnnouncementStatus status, boolean review,
			String expected) {
		if (expected.startsWith("refused:")) {
			assertRefused(() -> Lifecycle.next(action, status, review, AUTHOR), expected.substring(8));
		}
		else {
			assertThat(Lifecycle.next(action, status, review, AUTHOR)).isEqualTo(AnnouncementStatus.valueOf(expected));
		}
	}

	@Test
	void tableCoversEveryActionAndStatus() {
		assertThat(everyActionFromEveryStatus())
			.hasSize(AnnouncementAction.values().length * AnnouncementStatus.values().length * 2);
	}

	static Stream<Arguments> everyActionFromEveryStatus() {
		Stream.Builder<Arguments> cases = Stream.builder();
		for (boolean review : new boolean[] { false, true }) {
			for (AnnouncementAction action : AnnouncementAction.values()) {
				Map<AnnouncementStatus, String> outcomes = outcomes(action, review);
				for (AnnouncementStatus status : AnnouncementStatus.values()) {
					cases.add(Arguments.of(action, status, review, outcomes.get(status)));
				}
			}
		}
		return cases.build();
	}

	private static Map<AnnouncementStatus, String> outcomes(AnnouncementAction action, boolean review) {
		Map<AnnouncementStatus, String> outcomes = new EnumMap<>(AnnouncementStatus.class);
		String code = switch (action) {
			case APPROVE, REQUEST_CHANGES -> "notReviewer";
			default -> action.name().toLowerCase().replace("_", "");
		};
		for (AnnouncementStatus status : AnnouncementStatus.values()) {
			outcomes.put(status, "refused:" + code);
		}
		Set<AnnouncementStatus> editable = EnumSet.of(DRAFT, CHANGES_REQUESTED);
		switch (action) {
			case EDIT, DISCARD -> editable.forEach((status) -> outcomes.put(status, status.name()));
			case SUBMIT ->
				editable.forEach((status) -> outcomes.put(status, review ? "IN_REVIEW" : "refused:reviewNotRequired"));
			case WITHDRAW -> outcomes.put(IN_REVIEW, "DRAFT");
			case PUBLISH -> {
				editable.forEach((status) -> outcomes.put(status, review ? "refused:reviewRequired" : "PUBLISHED"));
				outcomes.put(APPROVED, "PUBLISHED");
				outcomes.put(SCHEDULED, "PUBLISHED");
			}
			case SCHEDULE -> {
				editable.forEach((status) -> outcomes.put(status, review ? "refused:reviewRequired" : "SCHEDULED"));
				outcomes.put(APPROVED, "SCHEDULED");
			}
			case UNSCHEDULE -> outcomes.put(SCHEDULED, "DRAFT");
			case REVISE -> outcomes.put(PUBLISHED, "PUBLISHED");
			case ARCHIVE -> outcomes.put(PUBLISHED, "ARCHIVED");
			default -> {
			}
		}
		return outcomes;
	}

	@Test
	void allowsExactlyTheMovesThatAreNotRefused() {
		for (AnnouncementAction action : AnnouncementAction.values()) {
			for (AnnouncementStatus status : AnnouncementStatus.values()) {
				for (boolean review : new boolean[] { true, false }) {
					for (Actor actor : new Actor[] { AUTHOR, REVIEWER, MANAGER, AUTHOR_AND_OWNER, BYSTANDER }) {
						boolean refused;
						try {
							Lifecycle.next(action, status, review, actor);
							refused = false;
						}
						catch (InvalidChange refusal) {
							refused = true;
						}
						assertThat(Lifecycle.allows(action, status, review, actor))
							.as("%s from %s, review=%s, %s", action, status, review, actor)
							.isEqualTo(!refused);
					}
				}
			}
		}
	}

	@Test
	void reviewerIsAllowedToReviewButNotToPublishAPostInReview() {
		assertThat(Lifecycle.allows(APPROVE, IN_REVIEW, true, REVIEWER)).isTrue();
		assertThat(Lifecycle.allows(REQUEST_CHANGES, IN_REVIEW, true, REVIEWER)).isTrue();
		assertThat(Lifecycle.allows(PUBLISH, IN_REVIEW, true, REVIEWER)).isFalse();
		assertThat(Lifecycle.allows(APPROVE, IN_REVIEW, true, AUTHOR_AND_OWNER)).isFalse();
	}

	@Test
	void authorIsAllowedToPublishADraftOnlyWhereNoReviewIsRequired() {
		assertThat(Lifecycle.allows(PUBLISH, DRAFT, false, AUTHOR)).isTrue();
		assertThat(Lifecycle.allows(PUBLISH, DRAFT, true, AUTHOR)).isFalse();
		assertThat(Lifecycle.allows(SUBMIT, DRAFT, true, AUTHOR)).isTrue();
		assertThat(Lifecycle.allows(SUBMIT, DRAFT, false, AUTHOR)).isFalse();
	}

	@Test
	void everyRefusalHasAMessage() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = LifecycleTests.class.getResourceAsStream("/messages/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> codes = new TreeSet<>();
		for (AnnouncementAction action : AnnouncementAction.values()) {
			for (AnnouncementStatus status : AnnouncementStatus.values()) {
				for (boolean review : new boolean[] { true, false }) {
					for (Actor actor : new Actor[] { AUTHOR, REVIEWER, MANAGER, AUTHOR_AND_OWNER, BYSTANDER }) {
						try {
							Lifecycle.next(action, status, review, actor);
						}
						catch (InvalidChange refused) {
							refused.problems().forEach((problem) -> codes.add(problem.code()));
						}
					}
				}
			}
		}
		assertThat(codes).isNotEmpty().allSatisfy((code) -> assertThat(messages).containsKey(code));
	}

	private static void assertRefused(ThrowingCallable move, String reason) {
		assertThatThrownBy(move).isInstanceOfSatisfying(InvalidChange.class,
				(refusal) -> assertThat(refusal.problems()).singleElement()
					.satisfies((problem) -> assertThat(problem.code()).isEqualTo("announcement.refused." + reason)));
	}

}
