package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * People were deactivated: they leave every future audience and may no longer sign in.
 * Their history stays. Published inside the deactivating transaction.
 */
@NamedInterface("events")
public record EmployeesLeft(List<Long> employeeIds) {

}
