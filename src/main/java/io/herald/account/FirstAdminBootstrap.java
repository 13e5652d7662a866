package io.herald.account;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.herald.directory.EmployeeDirectory;
import io.herald.directory.NewEmployee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Outside demo mode, makes sure an installation has an administrator: on the first start
 * it creates one from {@code HERALD_ADMIN_EMAIL} / {@code HERALD_ADMIN_PASSWORD}, and
 * refuses to start when they are missing or the password is weak.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty(name = "herald.demo.enabled", havingValue = false)
class FirstAdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

	private static final String SET_VARIABLES = "Set HERALD_ADMIN_EMAIL and HERALD_ADMIN_PASSWORD (at least "
			+ PasswordPolicy.MIN_LENGTH + " characters, not a common password, not containing the e-mail) "
			+ "for the first start; they are not needed once an administrator exists.";

	private final AccountService accounts;

	private final EmployeeDirectory directory;

	private final FirstAdminProperties admin;

	private final MessageSource messages;

	FirstAdminBootstrap(AccountService accounts, EmployeeDirectory directory, FirstAdminProperties admin,
			MessageSource messages) {
		this.accounts = accounts;
		this.directory = directory;
		this.admin = admin;
		this.messages = messages;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.hasEnabledAdmin()) {
			return;
		}
		if (!StringUtils.hasText(this.admin.email()) || !this.admin.email().contains("@")) {
			throw new FirstAdminRefused(
					"No administrator exists and HERALD_ADMIN_EMAIL is not set to an e-mail address.", SET_VARIABLES);
		}
		List<String> violations = this.accounts.passwordViolations(this.admin.password(), this.admin.email());
		if (!violations.isEmpty()) {
			List<String> reasons = violations.stream()
				.map((code) -> this.messages.getMessage(code, null, code, Locale.ENGLISH))
				.toList();
			throw new FirstAdminRefused("HERALD_ADMIN_PASSWORD is missing or too weak: " + String.join(" ", reasons)
					+ " Herald will not create an administrator with it.", SET_VARIABLES);
		}
		long employeeId = this.directory.findByEmail(this.admin.email())
			.map((person) -> person.id())
			.orElseGet(() -> this.directory
				.addEmployee(new NewEmployee(this.admin.email(), null, this.admin.firstName(), this.admin.lastName(),
						null, null, null, null, null, null, null, ZoneId.of("UTC"), "en", null, null)));
		this.accounts.makeAdministrator(employeeId, this.admin.email(), this.admin.password());
		log.info("Created the first administrator account for {}", this.admin.email());
	}

}
