package io.herald.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EmployeeRepository extends JpaRepository<Employee, Long> {

	Optional<Employee> findByEmail(String email);

	boolean existsByEmail(String email);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location
			left join fetch e.manager m left join fetch m.department left join fetch m.location
			where e.id = :id""")
	Optional<Employee> findProfileById(long id);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location
			where e.manager.id = :managerId and e.active = true
			order by e.lastName, e.firstName""")
	List<Employee> findActiveReports(long managerId);

	@Query("""
			select e from Employee e left join fetch e.department left join fetch e.location
			where e.id in :ids""")
	List<Employee> findSummariesByIdIn(Collection<Long> ids);

	@Query(value = """
			select e from Employee e left join fetch e.department left join fetch e.location
			where lower(e.firstName) like :pattern escape '\\' or lower(e.lastName) like :pattern escape '\\'
			or lower(e.preferredName) like :pattern escape '\\' or e.email like :pattern escape '\\'""",
			countQuery = """
					select count(e) from Employee e
					where lower(e.firstName) like :pattern escape '\\' or lower(e.lastName) like :pattern escape '\\'
					or lower(e.preferredName) like :pattern escape '\\' or e.email like :pattern escape '\\'""")
	Page<Employee> search(String pattern, Pageable pageable);

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

}
