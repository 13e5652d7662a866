package io.herald.directory;

import java.util.List;

/**
 * People were deactivated: they leave every future audience and may no longer sign in.
 * Their history stays. Published inside the deactivating transaction.
 */
public record EmployeesLeft(List<Long> employeeIds) {

}
