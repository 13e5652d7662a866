package io.herald.account;

import io.herald.shared.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByEmployeeId(long employeeId);

	/**
	 * Loads the account row-locked, so concurrent failed attempts count one after
	 * another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from UserAccount a where a.employeeId = :employeeId")
	Optional<UserAccount> lockByEmployeeId(long employeeId);

	@EntityGraph(attributePaths = "roles")
	List<UserAccount> findByEmployeeIdIn(Collection<Long> employeeIds);

	/**
	 * Notes a sign-in without touching the version, so concurrent sign-ins (an API
	 * client, say) never conflict; minute precision keeps it to one write a minute.
	 */
	@Modifying
	@Query("""
			update UserAccount a set a.lastLoginAt = :at
			where a.id = :id and (a.lastLoginAt is null or a.lastLoginAt < :at)""")
	int recordSignIn(long id, java.time.Instant at);

	@Query("select count(a) > 0 from UserAccount a join a.roles r where r = io.herald.shared.Role.ADMIN and a.enabled = true")
	boolean existsEnabledAdmin();

	@Query("select a.employeeId from UserAccount a join a.roles r where r = :role and a.enabled = true")
	List<Long> findEnabledEmployeeIdsWithRole(Role role);

	@Query("""
			select a.employeeId from UserAccount a
			where a.enabled = true and a.passwordHash is not null and a.employeeId in :employeeIds""")
	List<Long> findEmployeeIdsAbleToSignIn(Collection<Long> employeeIds);

	@Query("select r, count(a) from UserAccount a join a.roles r where a.enabled = true group by r")
	List<Object[]> countEnabledByRole();

	long countByEnabled(boolean enabled);

	/**
	 * Every enabled administrator, row-locked: two administrators taking each other's
	 * role at the same moment are served one after the other, so one always remains.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from UserAccount a join a.roles r where r = io.herald.shared.Role.ADMIN and a.enabled = true")
	List<UserAccount> lockEnabledAdmins();

}
