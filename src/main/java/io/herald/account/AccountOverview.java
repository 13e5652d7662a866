package io.herald.account;

import io.herald.shared.Role;
import java.util.Map;

/**
 * Accounts at a glance for administrators.
 *
 * @param enabledByRole enabled accounts holding each role
 */
public record AccountOverview(long enabled, long disabled, Map<Role, Long> enabledByRole) {

}
