package io.herald.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_entries")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private Long actorId;

	private String actorEmail;

	private String action;

	private String targetType;

	private Long targetId;

	private String details;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, Long actorId, String actorEmail, String action, String targetType, Long targetId,
			String details) {
		this.occurredAt = occurredAt;
		this.actorId = actorId;
		this.actorEmail = actorEmail;
		this.action = action;
		this.targetType = targetType;
		this.targetId = targetId;
		this.details = details;
	}

	AuditRecord toRecord() {
		return new AuditRecord(this.id, this.occurredAt, this.actorId, this.actorEmail, this.action, this.targetType,
				this.targetId, this.details);
	}

}
