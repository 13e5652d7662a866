package io.herald.audit;

import org.springframework.modulith.NamedInterface;

/**
 * What an audit entry happened to, as people read it: a title, and the page where the
 * viewer can open it ({@code null} when there is none they may open).
 */
@NamedInterface("api")
public record AuditTarget(String title, String link) {

}
