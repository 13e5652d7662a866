package io.herald.directory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Import tests share the database with the demo organisation and every other test: they
 * use e-mails at {@code import.test} and departments and locations named "Import Test …",
 * and remove them afterwards.
 */
public final class ImportTestData {

	private ImportTestData() {
	}

	public static void removeAll(JdbcTemplate jdbc) {
		String mine = "select id from employees where email like '%@import.test'";
		jdbc.update("update departments set head_id = null where head_id in (" + mine + ")");
		jdbc.update("update employees set manager_id = null where manager_id in (" + mine + ")");
		jdbc.update("delete from user_accounts where employee_id in (" + mine + ")");
		jdbc.update("delete from employees where email like '%@import.test'");
		jdbc.update("delete from departments where name like 'Import Test%'");
		jdbc.update("delete from locations where name like 'Import Test%'");
		jdbc.update("delete from directory_import_uploads");
	}

}
