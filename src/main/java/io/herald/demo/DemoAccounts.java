package io.herald.demo;

import java.util.List;

import io.herald.shared.Role;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The accounts the login page offers in demo mode. Outside demo mode this bean does not
 * exist, so no page can list them.
 */
@Component
@ConditionalOnBooleanProperty("herald.demo.enabled")
@NamedInterface("api")
public class DemoAccounts {

	/**
	 * One way into the demo.
	 */
	public record Login(String email, String name, Role role) {

	}

	public List<Login> logins() {
		return DemoOrganisation.DEMO_ACCOUNTS.stream()
			.map((account) -> new Login(account.email(), account.firstName() + " " + account.lastName(),
					account.mainRole()))
			.toList();
	}

	public String password() {
		return DemoOrganisation.PASSWORD;
	}

}
