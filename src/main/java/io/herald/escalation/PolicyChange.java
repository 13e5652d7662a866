package io.herald.escalation;

import java.util.List;

/**
 * New steps for a policy, in the order entered; {@code version} is the one the
 * administrator edited.
 */
public record PolicyChange(long policyId, long version, List<StepDraft> steps) {

}
