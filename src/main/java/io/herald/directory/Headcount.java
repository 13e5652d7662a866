package io.herald.directory;

import java.util.List;

/**
 * Who the organisation is made of right now, counted in the database.
 *
 * @param active active people
 * @param inactive people who left or are deactivated
 * @param withoutManager active people with no manager (normally only the top of the
 * chart)
 * @param byDepartment active people per department, largest first; people without a
 * department are counted under a {@code null} name
 * @param byLocation active people per location, largest first
 */
public record Headcount(long active, long inactive, long withoutManager, List<Group> byDepartment,
		List<Group> byLocation) {

	public record Group(String name, long people) {

	}

}
