package io.herald.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface EmployeeRepository extends JpaRepository<Employee, Long>, JpaSpecificationExecutor<Employee> {

	@EntityGraph(attributePaths = { "department", "location", "manager" })
	Optional<Employee> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByEmployeeNumber(String employeeNumber);

	@Override
	@EntityGraph(attributePaths = { "department", "location", "manager" })
	Page<Employee> findAll(Specification<Employee> specification, Pageable pageable);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.id = :id""")
	Optional<Employee> findProfileById(long id);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.manager.id = :managerId and e.active = true
			order by e.lastName, e.firstName, e.id""")
	List<Employee> findActiveReports(long managerId);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.manager.id in :managerIds and e.active = true
			order by e.lastName, e.firstName, e.id""")
	List<Employee> findActiveReportsOf(Collection<Long> managerIds);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.manager is null and e.active = true
			order by e.lastName, e.firstName, e.id""")
	List<Employee> findActiveTop(Pageable pageable);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.id in :ids""")
	List<Employee> findSummariesByIdIn(Collection<Long> ids);

	@Query("""
			select e.manager.id, count(e) from Employee e
			where e.manager.id in :managerIds and e.active = true group by e.manager.id""")
	List<Object[]> countActiveReports(Collection<Long> managerIds);

	/**
	 * The managers above a person, nearest first. The depth guard stops at bad data
	 * rather than looping.
	 */
	@Query(nativeQuery = true, value = """
			with recursive chain (id, manager_id, depth) as (
			  select id, manager_id, 0 from employees where id = :id
			  union all
			  select e.id, e.manager_id, c.depth + 1 from employees e join chain c on e.id = c.manager_id
			  where c.depth < 200)
			select id from chain where depth > 0 order by depth""")
	List<Long> findManagerChainIds(long id);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.department.id = :departmentId""")
	List<Employee> findByDepartmentId(long departmentId);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location left join fetch e.manager
			where e.location.id = :locationId""")
	List<Employee> findByLocationId(long locationId);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location
			where e.searchText = ''""")
	List<Employee> findWithoutSearchText();

	long countByActive(boolean active);

	long countByActiveTrueAndManagerIsNull();

	@Query("""
			select d.name, count(e) from Employee e left join e.department d
			where e.active = true group by d.name order by count(e) desc, d.name""")
	List<Object[]> countActiveByDepartment();

	@Query("""
			select l.name, count(e) from Employee e left join e.location l
			where e.active = true group by l.name order by count(e) desc, l.name""")
	List<Object[]> countActiveByLocation();

	@Query("select e.department.id, count(e) from Employee e where e.active = true and e.department is not null group by e.department.id")
	List<Object[]> countActivePerDepartmentId();

	@Query("select e.location.id, count(e) from Employee e where e.active = true and e.location is not null group by e.location.id")
	List<Object[]> countActivePerLocationId();

}
