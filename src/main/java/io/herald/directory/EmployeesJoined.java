package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * People were added to the directory as active (created, or imported). Published inside
 * the transaction that adds them, so listeners' work commits or rolls back with it.
 */
@NamedInterface("events")
public record EmployeesJoined(List<Long> employeeIds) {

}
