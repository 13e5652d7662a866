package io.herald.announcement;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AnnouncementRepository extends JpaRepository<Announcement, Long>, JpaSpecificationExecutor<Announcement> {

	@EntityGraph(attributePaths = { "departmentIds", "locationIds" })
	Optional<Announcement> findWithTargetingById(long id);

}
