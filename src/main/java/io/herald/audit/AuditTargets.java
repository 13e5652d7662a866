package io.herald.audit;

import java.util.Collection;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * Offered by the module that owns a kind of audit target: names the targets of one type
 * that still exist, with a link where the signed-in viewer may open them. The audit log
 * asks once per page for each type it shows, so an implementation reads all the ids in
 * one query.
 */
@NamedInterface("api")
public interface AuditTargets {

	/** The {@code targetType} entries name, such as {@code account}. */
	String targetType();

	/** The targets among these ids that still exist, by id; the rest are left out. */
	Map<Long, AuditTarget> describe(Collection<Long> ids);

}
