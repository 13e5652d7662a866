package io.herald.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	@Query("select d from Department d left join fetch d.head h left join fetch h.department left join fetch h.location order by d.name")
	List<Department> findAllWithHeads();

	Optional<Department> findByNameIgnoreCase(String name);

}
