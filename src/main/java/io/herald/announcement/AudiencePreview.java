package io.herald.announcement;

import java.util.List;

/**
 * Whom a targeting would reach now: how many people, in which locations, and how they
 * split by department and by location (largest first).
 */
public record AudiencePreview(long recipients, List<Group> byDepartment, List<Group> byLocation) {

	/**
	 * A department or location and how many of the audience are in it; {@code name} is
	 * {@code null} for people without one.
	 */
	public record Group(String name, long people) {

	}

	/**
	 * The names of the locations reached, largest first.
	 */
	public List<String> locationNames() {
		return this.byLocation.stream().map(Group::name).filter((name) -> name != null).toList();
	}

}
