package io.herald.tracking;

import java.util.List;

/**
 * These announcements' deliveries were counted again from scratch because they were
 * written without the counters (demo history, repairs): figures kept elsewhere from the
 * same deliveries should be counted again as well.
 */
public record DeliveriesRecounted(List<Long> announcementIds) {

}
