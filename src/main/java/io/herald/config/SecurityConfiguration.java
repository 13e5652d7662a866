package io.herald.config;

import java.util.Arrays;

import io.herald.account.SessionGuard;
import io.herald.account.SignInThrottled;
import io.herald.account.TokenAuthentication;
import io.herald.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import static io.herald.shared.Role.ADMIN;
import static io.herald.shared.Role.COMMS_MANAGER;
import static io.herald.shared.Role.HR;

/**
 * Two doors: the browser UI with form login, sessions and CSRF, and the stateless JSON
 * API with personal access tokens ({@code Authorization: Bearer}) or HTTP Basic. Both
 * authenticate through the same accounts, so password throttling covers both; tokens have
 * an authentication manager of their own and open only the API. Services check roles
 * again with method security.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No inline scripts or styles anywhere: every script is a static file from the
	 * application.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, SessionGuard sessionGuard,
			TokenAuthentication tokens) throws Exception {
		AuthenticationFilter bearer = new AuthenticationFilter(tokens.manager(), tokens.converter());
		// Signed in: the request goes on; refused: 401 at once, never on to HTTP Basic.
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems::unauthorized));
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/crisis/plans/*/activate",
						"/api/v1/crisis/incidents/*/updates", "/api/v1/crisis/incidents/*/resolve")
				.hasAnyRole(names(COMMS_MANAGER, ADMIN))
				.requestMatchers(HttpMethod.POST, "/api/v1/crisis/incidents/*/check-in")
				.authenticated()
				.requestMatchers("/api/v1/crisis/plans", "/api/v1/crisis/plans/**", "/api/v1/crisis/incidents/**")
				.hasAnyRole(names(COMMS_MANAGER, HR, ADMIN))
				.requestMatchers("/api/v1/insight/**")
				.hasAnyRole(names(COMMS_MANAGER, HR, ADMIN))
				.requestMatchers("/api/v1/admin/**")
				.hasRole(ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.realmName("Herald").authenticationEntryPoint(problems::unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::headers)
			.addFilterBefore(new ApiWriteGuard(problems), BasicAuthenticationFilter.class)
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.addFilterAfter(new ApiAccountFilter(sessionGuard, problems), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, SessionGuard sessionGuard) throws Exception {
		// A throttled attempt says how many minutes to wait, the same for every address
		// typed; any other failure says only that it failed.
		AuthenticationFailureHandler failures = (request, response, failure) -> response
			.sendRedirect(request.getContextPath() + ((failure instanceof SignInThrottled throttled)
					? "/login?throttled=" + Math.max(1, throttled.retryAfter().toSeconds() / 60 + 1) : "/login?error"));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.svg",
					"/invitation/**", "/check-in/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/admin/users", "/admin/users/**", "/admin/audit", "/admin/audit/**", "/admin/outbox",
					"/admin/outbox/**")
			.hasRole(ADMIN.name())
			.requestMatchers("/admin/policies", "/admin/policies/**")
			.hasRole(ADMIN.name())
			.requestMatchers("/admin/**")
			.hasAnyRole(names(HR, ADMIN))
			.requestMatchers("/manage/channels", "/manage/channels/**")
			.hasAnyRole(names(COMMS_MANAGER, ADMIN))
			.requestMatchers(HttpMethod.POST, "/crisis/incidents/*/check-in")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/crisis/incidents/*/resolve", "/crisis/incidents/*/updates",
					"/crisis/incidents/*/steps/*", "/crisis/incidents/*/renotify")
			.hasAnyRole(names(COMMS_MANAGER, ADMIN))
			.requestMatchers("/crisis/plans/new", "/crisis/plans/*/edit", "/crisis/plans/*/activate",
					"/crisis/incidents/*/resolve", "/procedures/new", "/procedures/*/edit")
			.hasAnyRole(names(COMMS_MANAGER, ADMIN))
			.requestMatchers(HttpMethod.POST, "/crisis/plans", "/crisis/plans/**", "/procedures", "/procedures/**")
			.hasAnyRole(names(COMMS_MANAGER, ADMIN))
			.requestMatchers("/crisis", "/crisis/plans", "/crisis/plans/**", "/crisis/incidents/**")
			.hasAnyRole(names(COMMS_MANAGER, HR, ADMIN))
			.requestMatchers("/insight/overdue.csv")
			.hasAnyRole(names(HR, ADMIN))
			.requestMatchers("/insight", "/insight/**")
			.hasAnyRole(names(COMMS_MANAGER, HR, ADMIN))
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").failureHandler(failures).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers(SecurityConfiguration::headers)
			.requestCache(Customizer.withDefaults())
			.addFilterAfter(new AccountSessionFilter(sessionGuard), SecurityContextHolderFilter.class);
		return http.build();
	}

	private static String[] names(Role... roles) {
		return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frames) -> frames.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
	}

}
