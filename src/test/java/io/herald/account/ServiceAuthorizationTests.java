package io.herald.account;

import java.util.List;

import io.herald.directory.EmployeeDirectory;
import io.herald.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Services check roles themselves, whatever route leads to them.
 */
@SpringBootTest
class ServiceAuthorizationTests implements PostgresIntegrationTest {

	@Autowired
	AccountService accounts;

	@Autowired
	EmployeeDirectory directory;

	@Test
	@WithMockUser(roles = "EMPLOYEE")
	void anEmployeeCannotReadOrganisationFiguresOrAccounts() {
		assertThatThrownBy(() -> this.directory.headcount()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.accounts.overview()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.accounts.accountsOf(List.of(1L))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithMockUser(roles = { "EMPLOYEE", "HR" })
	void hrReadsOrganisationFiguresButNotAccounts() {
		assertThat(this.directory.headcount().active()).isPositive();
		assertThatThrownBy(() -> this.accounts.overview()).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void nobodySignedInReadsNothing() {
		assertThatThrownBy(() -> this.directory.findProfile(1L))
			.isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
	}

}
