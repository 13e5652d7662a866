package io.herald.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LocationRepository extends JpaRepository<Location, Long> {

	List<Location> findAllByOrderByName();

	Optional<Location> findByNameIgnoreCase(String name);

}
