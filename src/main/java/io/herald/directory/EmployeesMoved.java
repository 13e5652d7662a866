package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Active people changed department or location, so they may have joined audiences.
 * Published inside the transaction that moves them.
 */
@NamedInterface("events")
public record EmployeesMoved(List<Long> employeeIds) {

}
