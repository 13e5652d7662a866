package io.herald.directory.web;

import java.util.List;

import io.herald.directory.DirectoryEntryNotFound;
import io.herald.directory.DirectoryOption;
import io.herald.directory.DirectorySearch;
import io.herald.directory.EmployeeDirectory;
import io.herald.directory.EmployeeProfile;
import io.herald.directory.EmployeeSummary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory for API clients: search with a cursor, one person with manager and
 * reports.
 */
@RestController
@RequestMapping("/api/v1/employees")
class EmployeeApiController {

	private static final int PAGE_SIZE = 100;

	private final EmployeeDirectory directory;

	EmployeeApiController(EmployeeDirectory directory) {
		this.directory = directory;
	}

	record Item(long id, String email, String name, String jobTitle, String department, String location,
			Long managerId) {

		static Item of(EmployeeSummary person) {
			return new Item(person.id(), person.email(), person.displayName(), person.jobTitle(), person.department(),
					person.location(), person.managerId());
		}

	}

	record ItemPage(List<Item> items, String next) {

	}

	record Person(long id, String email, String name, String preferredName, String jobTitle, String department,
			String location, String phone, String mobile, String timeZone, List<String> skills, boolean active,
			Item manager, List<Item> directReports) {

	}

	/**
	 * Departments and locations are named as the directory names them; the cursor is the
	 * {@code next} of the previous page.
	 */
	@GetMapping
	ItemPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
			@RequestParam(required = false) String location, @RequestParam(required = false) String cursor) {
		long after = parseCursor(cursor);
		Long departmentId = (department != null) ? this.directory.departmentOptions()
			.stream()
			.filter((d) -> d.name().equalsIgnoreCase(department.strip()))
			.map(DirectoryOption::id)
			.findFirst()
			.orElse(-1L) : null;
		Long locationId = (location != null) ? this.directory.locationOptions()
			.stream()
			.filter((l) -> l.name().equalsIgnoreCase(location.strip()))
			.map(DirectoryOption::id)
			.findFirst()
			.orElse(-1L) : null;
		List<EmployeeSummary> page = this.directory.searchAfter(new DirectorySearch(q, departmentId, locationId, false),
				after, PAGE_SIZE + 1);
		boolean more = page.size() > PAGE_SIZE;
		List<EmployeeSummary> items = more ? page.subList(0, PAGE_SIZE) : page;
		return new ItemPage(items.stream().map(Item::of).toList(),
				more ? Long.toString(items.get(items.size() - 1).id()) : null);
	}

	@GetMapping("/{id:\\d+}")
	Person one(@PathVariable long id) {
		EmployeeProfile p = this.directory.findProfile(id).orElseThrow(DirectoryEntryNotFound::new);
		return new Person(p.id(), p.email(), p.displayName(), p.preferredName(), p.person().jobTitle(),
				p.person().department(), p.person().location(), p.phone(), p.mobile(), p.timeZone().getId(), p.skills(),
				p.person().active(), (p.manager() != null) ? Item.of(p.manager()) : null,
				p.directReports().stream().map(Item::of).toList());
	}

	private static long parseCursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		try {
			return Long.parseLong(cursor.strip());
		}
		catch (NumberFormatException ex) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.BAD_REQUEST, "cursor is not one this API gave out");
		}
	}

}
