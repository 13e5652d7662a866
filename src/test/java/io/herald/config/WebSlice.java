package io.herald.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.herald.announcement.Feed;
import io.herald.channel.Channels;
import io.herald.escalation.Team;
import io.herald.notification.Inbox;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A controller tested in seconds, without a database: {@code @WebMvcTest} with Herald's
 * real security configuration (form login, CSRF, the route rules and method security),
 * its layout, messages, dates ({@code @dates}) and error pages, and the services behind
 * them as Mockito mocks. A test stubs the mocks it needs by having them injected
 * ({@code @Autowired Channels channels}) and declares its controller's own services with
 * {@code @MockitoBean}. Sign in with {@link SliceUsers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ SecurityConfiguration.class, MessagesConfiguration.class, ProblemResponses.class, DateFormatting.class,
		SliceBeans.class })
@MockitoBean(types = { Feed.class, Channels.class, Inbox.class, Team.class, PlatformTransactionManager.class })
public @interface WebSlice {

	/**
	 * The controllers under test.
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
