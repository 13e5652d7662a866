package io.herald.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only communications managers and administrators may call this service method (method
 * security, checked again after the routes). The role names are {@link Role}'s.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('COMMS_MANAGER', 'ADMIN')")
public @interface ForCommsAndAdmins {

}
