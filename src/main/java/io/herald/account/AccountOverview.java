package io.herald.account;

import java.util.Map;

/**
 * Accounts at a glance for administrators.
 *
 * @param coolingOff accounts refusing sign-in right now after repeated failures
 * @param enabledByRole enabled accounts holding each role
 */
public record AccountOverview(long enabled, long disabled, long coolingOff, Map<Role, Long> enabledByRole) {

}
