package io.herald.directory;

/**
 * A department with its head and how many active people it has.
 */
public record DepartmentView(long id, String name, EmployeeSummary head, long people) {

}
