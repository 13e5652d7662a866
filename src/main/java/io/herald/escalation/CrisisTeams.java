package io.herald.escalation;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Who the crisis response team is for a post, when a policy step escalates to it: the
 * crisis module answers for its alerts. A post nobody answers for goes to the
 * communications managers.
 */
@NamedInterface("api")
public interface CrisisTeams {

	/**
	 * The employee ids of the team to tell about this post; empty when it is not a crisis
	 * alert, or its whole team is gone.
	 */
	Set<Long> responseTeamOf(long announcementId);

}
