package io.herald.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator a fresh installation starts with, from {@code HERALD_ADMIN_EMAIL} and
 * {@code HERALD_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("herald.admin")
record FirstAdminProperties(String email, String password, @DefaultValue("Herald") String firstName,
		@DefaultValue("Administrator") String lastName) {

}
