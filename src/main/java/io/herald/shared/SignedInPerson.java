package io.herald.shared;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Who is signed in, as every module may know it without depending on how accounts work.
 * The security principal implements it; controllers take it with
 * {@code @AuthenticationPrincipal}.
 */
public interface SignedInPerson {

	long accountId();

	long employeeId();

	String email();

	ZoneId timeZone();

	Locale locale();

}
