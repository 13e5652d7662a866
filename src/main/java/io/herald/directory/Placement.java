package io.herald.directory;

/**
 * Where a person sits in the organisation: enough to tell which audiences they belong to.
 */
public record Placement(long employeeId, Long departmentId, Long locationId, boolean active) {

}
