package io.herald.directory;

import java.util.List;

/**
 * Active people changed department or location, so they may have joined audiences.
 * Published inside the transaction that moves them.
 */
public record EmployeesMoved(List<Long> employeeIds) {

}
