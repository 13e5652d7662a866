package io.herald.announcement;

import java.time.Instant;
import java.util.List;

/**
 * Posts were delivered late to these people (they joined an audience after the posts went
 * out): the deliveries made at {@code deliveredAt}, marked as late joiners. Raised in the
 * transaction that added them.
 */
public record DeliveriesAdded(List<Long> employeeIds, Instant deliveredAt) {

}
