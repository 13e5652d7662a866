package io.herald.directory;

import org.springframework.modulith.NamedInterface;

/**
 * Where a person sits in the organisation: enough to tell which audiences they belong to.
 */
@NamedInterface("api")
public record Placement(long employeeId, Long departmentId, Long locationId, boolean active) {

}
