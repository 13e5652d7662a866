package io.herald.account;

import java.util.Map;

/**
 * Accounts at a glance for administrators.
 *
 * @param enabledByRole enabled accounts holding each role
 */
public record AccountOverview(long enabled, long disabled, Map<Role, Long> enabledByRole) {

}
