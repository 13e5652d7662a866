package io.herald.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.herald.account.AccountService;
import io.herald.shared.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * People the account and incident tests may change: each call adds a new member of the
 * demo Finance department in Warsaw with an ordinary enabled account (employee role only)
 * and the demo password. A pool of demo people ran dry, or handed someone out twice, once
 * other tests had deactivated or moved some of them first. They join through the
 * directory ({@link Organisation}) and get their account as demo seeding gives one.
 */
public final class FinancePeople {

	private static final AtomicLong sequence = new AtomicLong();

	private static final String PASSWORD = "herald-demo";

	// An administrator as the tests act, to read the new account's id.
	private static final Authentication ADMIN = SignedIn.person(0, "ROLE_EMPLOYEE", "ROLE_ADMIN");

	private static final String RUN = Long.toString(System.nanoTime(), 36);

	private FinancePeople() {
	}

	/**
	 * A new active Finance member with an ordinary enabled account (employee role only)
	 * who signs in with the demo password.
	 */
	public static Person next(ApplicationContext context) {
		Organisation organisation = Organisation.of(context);
		return join(context, organisation, organisation.locationNamed("Warsaw"));
	}

	/**
	 * A new location named after {@code name} with one new Finance member working there
	 * alone, so an alert scoped to it reaches exactly them.
	 */
	public static Place aloneAt(ApplicationContext context, String name) {
		Organisation organisation = Organisation.of(context);
		String locationName = name + " " + System.nanoTime();
		long location = organisation.location(locationName);
		return new Place(location, locationName, join(context, organisation, location));
	}

	private static Person join(ApplicationContext context, Organisation organisation, long locationId) {
		long n = sequence.incrementAndGet();
		String email = "finance." + RUN + "." + n + "@accounts.test";
		long employeeId = organisation.person("Fiona", "Finance" + n)
			.in(organisation.departmentNamed("Finance"))
			.at(locationId)
			.mailedTo(email)
			.add();
		AccountService accounts = context.getBean(AccountService.class);
		accounts.createAccountsWithSharedPassword(Map.of(employeeId, Set.of(Role.EMPLOYEE)), PASSWORD);
		long accountId = SignedIn.as(ADMIN, () -> accounts.accountsOf(List.of(employeeId)).get(employeeId).id());
		return new Person(employeeId, email, accountId);
	}

	public record Person(long employeeId, String email, long accountId) {

	}

	public record Place(long locationId, String locationName, Person member) {

	}

}
