package io.herald.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People stored before search text existed (or written by hand in SQL) get theirs on
 * start, so search finds everyone. A no-op once every row has one.
 */
@Component
@Order(10)
class SearchTextBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchTextBackfill.class);

	private final EmployeeRepository employees;

	SearchTextBackfill(EmployeeRepository employees) {
		this.employees = employees;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		var missing = this.employees.findWithoutSearchText();
		missing.forEach(Employee::refreshSearchText);
		if (!missing.isEmpty()) {
			log.info("Computed the search text of {} people", missing.size());
		}
	}

}
