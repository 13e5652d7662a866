package io.herald.directory;

import org.springframework.modulith.NamedInterface;

/**
 * Who a person is as signing in needs it: their e-mail, the name the application shows,
 * whether they still work here and their personal settings.
 */
@NamedInterface("api")
public record SignInProfile(long id, String email, String displayName, boolean active, PersonalSettings settings) {

}
