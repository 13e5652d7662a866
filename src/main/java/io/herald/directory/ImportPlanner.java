package io.herald.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

/**
 * Works out, in memory, what an import file changes in the directory: every check (each
 * cell's own in {@link ImportCells}), the matching of rows to people, the resulting
 * manager graph and the field-by-field diff. It reads a snapshot and writes nothing, so a
 * preview and an apply compute the same plan.
 */
final class ImportPlanner {

	private static final int COLUMNS = ImportColumn.values().length;

	private ImportPlanner() {
	}

	/**
	 * A person as they are in the directory before the import.
	 *
	 * @param values indexed by {@link ImportColumn#ordinal()}; department and location by
	 * name; the manager is {@code managerId}
	 */
	record Existing(long id, long version, String[] values, Long managerId) {

	}

	record Snapshot(List<Existing> people, Map<Long, String> departments, Map<Long, LocationInfo> locations) {

	}

	record LocationInfo(String name, String timeZone) {

	}

	/**
	 * A person in the resulting graph: someone already in the directory, a new row, or
	 * both.
	 */
	static final class Node {

		final Long id;

		final long version;

		final String[] before;

		String[] after;

		Node managerBefore;

		Node managerAfter;

		int line;

		boolean inFile;

		// Set once a new person is written.
		Long createdId;

		private int mark;

		Node(Long id, long version, String[] before) {
			this.id = id;
			this.version = version;
			this.before = before;
			this.after = before;
		}

		String get(ImportColumn column) {
			return this.after[column.ordinal()];
		}

		String name() {
			return PersonName.display(get(ImportColumn.FIRST_NAME), get(ImportColumn.LAST_NAME),
					get(ImportColumn.PREFERRED_NAME));
		}

		boolean activeAfter() {
			return "true".equals(get(ImportColumn.ACTIVE));
		}

		boolean activeBefore() {
			return this.before != null && "true".equals(this.before[ImportColumn.ACTIVE.ordinal()]);
		}

	}

	record Plan(List<ImportIssue> errors, List<Node> created, List<Node> updated, List<Node> deactivated, int unchanged,
			List<String> newDepartments, List<LocationInfo> newLocations) {

		ImportReport report(MessageSource messages, Locale locale) {
			List<PersonChange> createdPeople = this.created.stream()
				.map((node) -> new PersonChange(node.line, node.get(ImportColumn.EMAIL), node.name(), changes(node)))
				.toList();
			List<PersonChange> updatedPeople = this.updated.stream()
				.map((node) -> new PersonChange(node.line, node.get(ImportColumn.EMAIL), node.name(), changes(node)))
				.toList();
			List<String> deactivatedPeople = this.deactivated.stream()
				.map((node) -> node.name() + " <" + node.get(ImportColumn.EMAIL) + ">")
				.toList();
			List<ImportProblem> problems = this.errors.stream().map((issue) -> issue.worded(messages, locale)).toList();
			return new ImportReport(this.created.size(), this.updated.size(), this.deactivated.size(), this.unchanged,
					problems, createdPeople, updatedPeople, deactivatedPeople, false);
		}

	}

	static Plan plan(DirectoryCsv.Parsed parsed, Snapshot snapshot, boolean fullSync) {
		return new Planner(snapshot).plan(parsed, fullSync);
	}

	/**
	 * The fields that differ between a person before and after; every set field for a new
	 * person.
	 */
	static List<FieldChange> changes(Node node) {
		List<FieldChange> changes = new ArrayList<>();
		for (ImportColumn column : ImportColumn.values()) {
			String oldValue;
			String newValue;
			if (column == ImportColumn.MANAGER_EMAIL) {
				if (node.before != null && node.managerBefore == node.managerAfter) {
					continue;
				}
				oldValue = (node.managerBefore != null) ? node.managerBefore.before[ImportColumn.EMAIL.ordinal()]
						: null;
				newValue = (node.managerAfter != null) ? node.managerAfter.get(ImportColumn.EMAIL) : null;
			}
			else {
				oldValue = (node.before != null) ? node.before[column.ordinal()] : null;
				newValue = node.get(column);
			}
			if (!java.util.Objects.equals(oldValue, newValue)) {
				changes.add(new FieldChange(column.header(), oldValue, newValue));
			}
		}
		return changes;
	}

	private static final class Planner {

		private final List<ImportIssue> errors = new ArrayList<>();

		private final ImportCells cells = new ImportCells(this.errors);

		private final List<Node> existing = new ArrayList<>();

		private final Map<String, Node> byEmail = new HashMap<>();

		private final Map<String, Node> byNumber = new HashMap<>();

		private final Map<String, String> departments = new HashMap<>();

		private final Map<String, LocationInfo> locations = new HashMap<>();

		private final List<String> newDepartments = new ArrayList<>();

		private final Map<String, LocationInfo> newLocations = new LinkedHashMap<>();

		private final List<Node> fileNodes = new ArrayList<>();

		private final Map<Node, String> managerEmails = new HashMap<>();

		// Every e-mail the file names, even on rows with errors, so that a manager on a
		// broken row is not reported a second time as missing.
		private final Set<String> fileEmails = new HashSet<>();

		Planner(Snapshot snapshot) {
			Map<Long, Node> byId = new HashMap<>();
			for (Existing person : snapshot.people()) {
				Node node = new Node(person.id(), person.version(), person.values());
				byId.put(person.id(), node);
				this.existing.add(node);
				this.byEmail.put(node.get(ImportColumn.EMAIL), node);
				String number = node.get(ImportColumn.EMPLOYEE_NUMBER);
				if (number != null) {
					this.byNumber.put(number, node);
				}
			}
			for (Existing person : snapshot.people()) {
				Node node = byId.get(person.id());
				node.managerBefore = (person.managerId() != null) ? byId.get(person.managerId()) : null;
				node.managerAfter = node.managerBefore;
			}
			snapshot.departments().values().forEach((name) -> this.departments.put(key(name), name));
			snapshot.locations().values().forEach((location) -> this.locations.put(key(location.name()), location));
		}

		Plan plan(DirectoryCsv.Parsed parsed, boolean fullSync) {
			this.errors.addAll(parsed.errors());
			Map<String, Integer> emailLines = new HashMap<>();
			Map<String, Integer> numberLines = new HashMap<>();
			for (DirectoryCsv.Row row : parsed.rows()) {
				int errorsBefore = this.errors.size();
				String[] values = this.cells.validate(row);
				String email = values[ImportColumn.EMAIL.ordinal()];
				String number = values[ImportColumn.EMPLOYEE_NUMBER.ordinal()];
				if (email != null) {
					this.fileEmails.add(email);
					Integer first = emailLines.putIfAbsent(email, row.line());
					if (first != null) {
						error(row.line(), ImportColumn.EMAIL, "directoryImport.problem.emailDuplicate", email, first);
					}
				}
				if (number != null) {
					Integer first = numberLines.putIfAbsent(number, row.line());
					if (first != null) {
						error(row.line(), ImportColumn.EMPLOYEE_NUMBER,
								"directoryImport.problem.employeeNumberDuplicate", number, first);
					}
				}
				if (this.errors.size() == errorsBefore) {
					place(row, values);
				}
				if (this.errors.size() >= DirectoryCsv.MAX_ERRORS) {
					this.errors.add(new ImportIssue(row.line(), null, "directoryImport.problem.tooMany",
							DirectoryCsv.MAX_ERRORS));
					return failed();
				}
			}
			checkUniqueness();
			resolveManagers();
			checkCycles();
			List<Node> deactivated = new ArrayList<>();
			if (fullSync) {
				for (Node node : this.existing) {
					if (!node.inFile && node.activeBefore()) {
						node.after = node.before.clone();
						node.after[ImportColumn.ACTIVE.ordinal()] = "false";
						deactivated.add(node);
					}
				}
			}
			List<Node> created = new ArrayList<>();
			List<Node> updated = new ArrayList<>();
			int unchanged = 0;
			for (Node node : this.fileNodes) {
				if (node.id == null) {
					created.add(node);
				}
				else if (changes(node).isEmpty()) {
					unchanged++;
				}
				else {
					updated.add(node);
				}
			}
			return new Plan(capped(this.errors), created, updated, deactivated, unchanged, this.newDepartments,
					List.copyOf(this.newLocations.values()));
		}

		// A file where every row names a missing manager would otherwise list 50,000
		// problems; the first few hundred say enough.
		private static List<ImportIssue> capped(List<ImportIssue> errors) {
			if (errors.size() <= DirectoryCsv.MAX_ERRORS) {
				return errors;
			}
			List<ImportIssue> first = new ArrayList<>(errors.subList(0, DirectoryCsv.MAX_ERRORS));
			first.add(new ImportIssue(null, null, "directoryImport.problem.tooManyCounted", errors.size(),
					DirectoryCsv.MAX_ERRORS));
			return first;
		}

		private Plan failed() {
			return new Plan(this.errors, List.of(), List.of(), List.of(), 0, List.of(), List.of());
		}

		/**
		 * Matches a valid row to a person (by employee number, else e-mail) and works out
		 * their fields after the import.
		 */
		private void place(DirectoryCsv.Row row, String[] values) {
			String number = values[ImportColumn.EMPLOYEE_NUMBER.ordinal()];
			Node node = (number != null) ? this.byNumber.get(number) : null;
			if (node == null) {
				node = this.byEmail.get(values[ImportColumn.EMAIL.ordinal()]);
			}
			if (node != null && node.inFile) {
				error(row.line(), null, "directoryImport.problem.personTwice", node.line, node.name());
				return;
			}
			if (node == null) {
				node = new Node(null, 0, null);
			}
			String[] after = (node.before != null) ? node.before.clone() : defaults();
			for (ImportColumn column : row.values().keySet()) {
				if (column == ImportColumn.MANAGER_EMAIL) {
					continue;
				}
				String value = values[column.ordinal()];
				boolean keepWhenEmpty = column == ImportColumn.TIME_ZONE || column == ImportColumn.LANGUAGE
						|| column == ImportColumn.ACTIVE;
				if (value != null || !keepWhenEmpty) {
					after[column.ordinal()] = value;
				}
			}
			after[ImportColumn.DEPARTMENT.ordinal()] = department(after[ImportColumn.DEPARTMENT.ordinal()]);
			LocationInfo location = location(after[ImportColumn.LOCATION.ordinal()],
					values[ImportColumn.TIME_ZONE.ordinal()]);
			after[ImportColumn.LOCATION.ordinal()] = (location != null) ? location.name() : null;
			if (after[ImportColumn.TIME_ZONE.ordinal()] == null) {
				after[ImportColumn.TIME_ZONE.ordinal()] = (location != null) ? location.timeZone() : "UTC";
			}
			node.after = after;
			node.inFile = true;
			node.line = row.line();
			if (row.has(ImportColumn.MANAGER_EMAIL)) {
				this.managerEmails.put(node, values[ImportColumn.MANAGER_EMAIL.ordinal()]);
			}
			this.fileNodes.add(node);
		}

		private static String[] defaults() {
			String[] values = new String[COLUMNS];
			values[ImportColumn.LANGUAGE.ordinal()] = "en";
			values[ImportColumn.ACTIVE.ordinal()] = "true";
			return values;
		}

		// Names match whatever their case, so "engineering" does not create a second
		// Engineering; the first spelling seen is kept.
		private String department(String name) {
			if (name == null) {
				return null;
			}
			return this.departments.computeIfAbsent(key(name), (k) -> {
				this.newDepartments.add(name);
				return name;
			});
		}

		private LocationInfo location(String name, String rowTimeZone) {
			if (name == null) {
				return null;
			}
			return this.locations.computeIfAbsent(key(name), (k) -> {
				LocationInfo created = new LocationInfo(name, (rowTimeZone != null) ? rowTimeZone : "UTC");
				this.newLocations.put(k, created);
				return created;
			});
		}

		/**
		 * E-mails and employee numbers stay unique across the whole resulting directory,
		 * not just within the file.
		 */
		private void checkUniqueness() {
			Map<String, Node> emails = new HashMap<>();
			Map<String, Node> numbers = new HashMap<>();
			for (Node node : this.existing) {
				if (!node.inFile) {
					emails.put(node.get(ImportColumn.EMAIL), node);
					String number = node.get(ImportColumn.EMPLOYEE_NUMBER);
					if (number != null) {
						numbers.put(number, node);
					}
				}
			}
			for (Node node : this.fileNodes) {
				Node other = emails.get(node.get(ImportColumn.EMAIL));
				if (other != null) {
					error(node.line, ImportColumn.EMAIL, "directoryImport.problem.emailTaken",
							node.get(ImportColumn.EMAIL), other.name());
				}
				String number = node.get(ImportColumn.EMPLOYEE_NUMBER);
				other = (number != null) ? numbers.get(number) : null;
				if (other != null) {
					error(node.line, ImportColumn.EMPLOYEE_NUMBER, "directoryImport.problem.employeeNumberTaken",
							number, other.name());
				}
			}
		}

		private void resolveManagers() {
			Map<String, Node> emails = new HashMap<>();
			for (Node node : this.existing) {
				emails.put(node.get(ImportColumn.EMAIL), node);
			}
			for (Node node : this.fileNodes) {
				emails.put(node.get(ImportColumn.EMAIL), node);
			}
			for (Node node : this.fileNodes) {
				if (!this.managerEmails.containsKey(node)) {
					continue;
				}
				String managerEmail = this.managerEmails.get(node);
				if (managerEmail == null) {
					node.managerAfter = null;
					continue;
				}
				Node manager = emails.get(managerEmail);
				if (manager == null) {
					manager = this.byEmail.get(managerEmail);
				}
				if (manager == node) {
					error(node.line, ImportColumn.MANAGER_EMAIL, "directoryImport.problem.ownManager");
				}
				else if (manager != null) {
					node.managerAfter = manager;
				}
				else if (!this.fileEmails.contains(managerEmail)) {
					error(node.line, ImportColumn.MANAGER_EMAIL, "directoryImport.problem.managerNotFound",
							managerEmail);
				}
			}
		}

		/**
		 * Follows every manager chain of the resulting directory once; a chain that comes
		 * back to itself is reported on each row of the file that is part of it.
		 */
		private void checkCycles() {
			List<Node> all = new ArrayList<>(this.existing);
			this.fileNodes.stream().filter((node) -> node.id == null).forEach(all::add);
			for (Node start : all) {
				if (start.mark != 0) {
					continue;
				}
				List<Node> path = new ArrayList<>();
				Node current = start;
				while (current != null && current.mark == 0) {
					current.mark = 1;
					path.add(current);
					current = current.managerAfter;
				}
				if (current != null && current.mark == 1) {
					List<Node> cycle = path.subList(path.indexOf(current), path.size());
					String chain = describe(cycle);
					for (Node member : cycle) {
						if (member.inFile) {
							error(member.line, ImportColumn.MANAGER_EMAIL, "directoryImport.problem.managerCycle",
									chain);
						}
					}
				}
				path.forEach((node) -> node.mark = 2);
			}
		}

		private static String describe(List<Node> cycle) {
			List<String> emails = cycle.stream().limit(10).map((node) -> node.get(ImportColumn.EMAIL)).toList();
			String chain = String.join(" → ", emails);
			return (cycle.size() > 10) ? chain + " → …" : chain + " → " + emails.get(0);
		}

		private void error(int line, ImportColumn column, String code, Object... args) {
			this.errors.add(new ImportIssue(line, (column != null) ? column.header() : null, code, args));
		}

		private static String key(String name) {
			return name.strip().toLowerCase(Locale.ROOT);
		}

	}

}
