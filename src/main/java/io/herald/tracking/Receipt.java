package io.herald.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import io.herald.announcement.DeliverySql;

/**
 * One person's delivery of one post as the receipts need it: whether they read and
 * acknowledged the current revision, and where its counters are.
 */
record Receipt(long announcementId, long employeeId, long departmentId, long locationId, String status,
		boolean ackRequired, int ackRevision, Instant readAt, boolean acknowledged, Instant dueAt, Instant expiresAt,
		boolean checkIn) {

	// Over a delivery d and its announcement a: acknowledged, and for the revision
	// now asked for.
	static final String ACKNOWLEDGED = DeliverySql.ACKNOWLEDGED;

	static final String SELECT = """
			select d.announcement_id, d.employee_id, coalesce(d.department_id, 0) as department_id,
			  coalesce(d.location_id, 0) as location_id, a.status, a.ack_required, a.ack_revision, d.read_at,
			  case when %s then 1 else 0 end as acknowledged, %s as due_at, a.expires_at, a.check_in_path
			from deliveries d join announcements a on a.id = d.announcement_id
			where d.announcement_id = :announcement and d.employee_id = :employee""".formatted(ACKNOWLEDGED,
			DeliverySql.EFFECTIVE_DUE);

	static Receipt of(ResultSet rs, int row) throws SQLException {
		return new Receipt(rs.getLong("announcement_id"), rs.getLong("employee_id"), rs.getLong("department_id"),
				rs.getLong("location_id"), rs.getString("status"), rs.getBoolean("ack_required"),
				rs.getInt("ack_revision"), instant(rs.getTimestamp("read_at")), rs.getInt("acknowledged") == 1,
				instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("expires_at")),
				rs.getString("check_in_path") != null);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
