/**
 * Read tracking: reads and acknowledgements, the per-post counters kept as they arrive,
 * and the tracking figures and recipient lists built from them.
 */
package io.herald.tracking;
