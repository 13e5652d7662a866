package io.herald.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelRepository extends JpaRepository<Channel, Long> {

	@EntityGraph(attributePaths = "members")
	Optional<Channel> findBySlug(String slug);

	@EntityGraph(attributePaths = "members")
	Optional<Channel> findWithMembersById(long id);

	@EntityGraph(attributePaths = "members")
	List<Channel> findAllByOrderByName();

	@EntityGraph(attributePaths = "members")
	List<Channel> findWithMembersByIdIn(Collection<Long> ids);

	boolean existsBySlug(String slug);

	boolean existsByKindAndDepartmentId(ChannelKind kind, Long departmentId);

	boolean existsByKindAndLocationId(ChannelKind kind, Long locationId);

}
