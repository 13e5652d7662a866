/**
 * Tiny rule-free types and the {@link java.time.Clock} every module reads the time from.
 */
package io.herald.shared;
