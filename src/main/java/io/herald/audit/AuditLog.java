package io.herald.audit;

import java.time.Clock;

import io.herald.shared.ForHrAndAdmins;
import io.herald.shared.SignedInPerson;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. Entries join the caller's transaction: an action that
 * rolls back leaves no entry, and one that commits always has its entry.
 */
@Service
@NamedInterface("api")
public class AuditLog {

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditLog(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Records an action by whoever is signed in (or the system, when nobody is).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String targetType, Long targetId, String details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long actorId = null;
		String actorEmail = null;
		if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
			actorId = person.employeeId();
			actorEmail = person.email();
		}
		this.entries.save(new AuditEntry(this.clock.instant(), actorId, actorEmail, action, targetType, targetId,
				(details != null && details.length() > 4000) ? details.substring(0, 4000) : details));
	}

	@ForHrAndAdmins
	@Transactional(readOnly = true)
	public Page<AuditRecord> entriesAbout(String targetType, long targetId, Pageable pageable) {
		return this.entries.findByTargetTypeAndTargetId(targetType, targetId, pageable).map(AuditEntry::toRecord);
	}

}
