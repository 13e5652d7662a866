package io.herald.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.herald.audit.AuditTarget;
import io.herald.audit.AuditTargets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names people, departments and locations in the audit log: a person links to their
 * profile; departments and locations link to the organisation page.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryAuditTargets {

	@Bean
	AuditTargets employeeAuditTargets(EmployeeDirectory directory) {
		return new Named("employee", (ids) -> {
			Map<Long, AuditTarget> targets = new HashMap<>();
			directory.displayNames(ids)
				.forEach((id, name) -> targets.put(id, new AuditTarget(name, "/directory/" + id)));
			return targets;
		});
	}

	@Bean
	AuditTargets departmentAuditTargets(DepartmentRepository departments) {
		return new Named("department", (ids) -> {
			Map<Long, AuditTarget> targets = new HashMap<>();
			departments.findAllById(List.copyOf(ids))
				.forEach((department) -> targets.put(department.getId(),
						new AuditTarget(department.getName(), "/admin/directory")));
			return targets;
		});
	}

	@Bean
	AuditTargets locationAuditTargets(LocationRepository locations) {
		return new Named("location", (ids) -> {
			Map<Long, AuditTarget> targets = new HashMap<>();
			locations.findAllById(List.copyOf(ids))
				.forEach((location) -> targets.put(location.getId(),
						new AuditTarget(location.getName(), "/admin/directory")));
			return targets;
		});
	}

	private record Named(String targetType, Describer describer) implements AuditTargets {

		@Override
		public Map<Long, AuditTarget> describe(Collection<Long> ids) {
			return this.describer.describe(ids);
		}

	}

	private interface Describer {

		Map<Long, AuditTarget> describe(Collection<Long> ids);

	}

}
