package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Deactivated people were made active again. Published inside the reactivating
 * transaction.
 */
@NamedInterface("events")
public record EmployeesReturned(List<Long> employeeIds) {

}
