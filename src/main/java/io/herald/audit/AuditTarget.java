package io.herald.audit;

/**
 * What an audit entry happened to, as people read it: a title, and the page where the
 * viewer can open it ({@code null} when there is none they may open).
 */
public record AuditTarget(String title, String link) {

}
