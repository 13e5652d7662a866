package io.herald.announcement;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Posts were delivered late to these people (they joined an audience after the posts went
 * out): the deliveries made at {@code deliveredAt}, marked as late joiners. Raised in the
 * transaction that added them.
 */
@NamedInterface("events")
public record DeliveriesAdded(List<Long> employeeIds, Instant deliveredAt) {

}
