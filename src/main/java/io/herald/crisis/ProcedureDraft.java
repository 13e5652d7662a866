package io.herald.crisis;

import java.util.List;

/**
 * A procedure as entered; contacts by e-mail in order, blank rows ignored.
 */
public record ProcedureDraft(String title, String body, List<String> contactEmails) {

}
