package io.herald.notification;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Answers a module offers straight from an e-mail, as links that work without signing in:
 * a crisis alert's "I'm safe" and "I need help", say. Asked for each critical e-mail
 * about a post as it is composed, so each recipient's links are their own; modules that
 * offer nothing for a post answer an empty list.
 */
@NamedInterface("api")
public interface MailActions {

	List<MailAction> actionsFor(long employeeId, long announcementId);

	/**
	 * One answer: the message code of its label and its absolute or site path link.
	 */
	record MailAction(String labelCode, String link, boolean primary) {

	}

}
