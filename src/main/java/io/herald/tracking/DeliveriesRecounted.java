package io.herald.tracking;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * These announcements' deliveries were counted again from scratch because they were
 * written without the counters (demo history, repairs): figures kept elsewhere from the
 * same deliveries should be counted again as well.
 */
@NamedInterface("events")
public record DeliveriesRecounted(List<Long> announcementIds) {

}
