package io.herald.directory;

import java.util.List;

/**
 * Deactivated people were made active again. Published inside the reactivating
 * transaction.
 */
public record EmployeesReturned(List<Long> employeeIds) {

}
