package org.unbanpanel.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.unbanpanel.security.lockout.LockoutConfiguration;
import org.unbanpanel.security.lockout.SignInGuard;
import org.unbanpanel.security.lockout.TooManyAttemptsException;
import org.unbanpanel.security.totp.SecondFactor;
import org.unbanpanel.security.totp.SecondStep;
import org.unbanpanel.security.totp.TotpConfiguration;
import org.unbanpanel.web.PanelProperties;

/**
 * Form sign-in for the pages, with a TOTP code as second step for who needs one ({@link SecondStep}); HTTP Basic
 * without a session for {@code /api/**} only, refused to users with a second factor ({@link ApiSecondFactorFilter}).
 * Every password is checked through the {@link SignInGuard} ({@link GuardedPasswords}), which answers a refused
 * attempt at once ({@link SignInFailureHandler}, {@link ApiEntryPoint}). Only {@link Role#ADMIN} may change anything,
 * except each user's own TOTP enrolment, or open a page that is only a form for a change ({@link #ADMIN_FORMS}); anyone may open a release link's page ({@code /release/**}, its token
 * guarded by a {@link SecretGuard}); CSRF protection stays on for every form; redirects are paths, never built from
 * the {@code Host} header ({@link RelativeRedirects}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
@Import({ TotpConfiguration.class, LockoutConfiguration.class })
public class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	/** The pages only admins may open: each is a form whose POST needs the ADMIN role. */
	static final String[] ADMIN_FORMS = { "/links/new" };

	/** {@code {bcrypt}} and a whole bcrypt hash: a plain password behind the prefix is refused, not just mismatched. */
	private static final Pattern BCRYPT_HASH = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, SecondFactor secondFactor, SignInGuard guard,
			UserDetailsService users, PasswordEncoder encoder, MessageSource messages, LocaleResolver locales,
			ApplicationEventPublisher events) throws Exception {
		SignInProblems problems = new SignInProblems(messages, locales);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.authenticated()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.authenticationManager(guardedPasswords(users, encoder, guard, events))
			.httpBasic(basic -> basic.authenticationDetailsSource(guard::source)
				.authenticationEntryPoint(new ApiEntryPoint(problems)))
			.addFilterBefore(new RelativeRedirects(), DisableEncodeUrlFilter.class)
			.addFilterAfter(new ApiSecondFactorFilter(secondFactor, problems), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no session and no cookie: nothing for a forged cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfig::hardenedHeaders)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, SecondStep secondStep, SignInGuard guard,
			UserDetailsService users, PasswordEncoder encoder, ApplicationEventPublisher events) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(LoginController.LOGIN, LoginController.THROTTLED, "/login/totp", "/css/**", "/js/**",
						"/error")
				.permitAll()
				// a release link's page: its token is the credential, guarded by the links module (CSRF stays on)
				.requestMatchers("/release/**")
				.permitAll()
				.requestMatchers("/account/**")
				.authenticated()
				// a page that is nothing but a form for a change: an operator could fill it in, never send it
				.requestMatchers(HttpMethod.GET, ADMIN_FORMS)
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/**")
				.authenticated()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.requestCache(cache -> cache.requestCache(pageRequestCache()))
			.authenticationManager(guardedPasswords(users, encoder, guard, events))
			.formLogin(form -> form.loginPage(LoginController.LOGIN)
				.authenticationDetailsSource(guard::source)
				.successHandler(secondStep)
				.failureHandler(new SignInFailureHandler())
				.permitAll())
			.addFilterBefore(new RelativeRedirects(), DisableEncodeUrlFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// a new session id at sign-in, so an id planted before it is worth nothing after
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(SecurityConfig::hardenedHeaders)
			.build();
	}

	/**
	 * The page asked for before sign-in, to return to after it, as it was asked for: without the {@code ?continue}
	 * Spring Security adds by default (so that it can tell the return from any later visit of the page, which it then
	 * need not look up; one session attribute read per request is nothing here).
	 */
	private static RequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/**
	 * No inline script or style may run, no other site may frame the panel or receive its addresses in a
	 * {@code Referer}, and no answer is sniffed into another type. Spring's defaults add HSTS on HTTPS and
	 * {@code Cache-Control: no-cache, no-store}.
	 */
	private static void hardenedHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/**
	 * The users' passwords as Spring Security checks them, each check through the guard. Failures are published as
	 * Spring Security's events (the metrics count them), a refusal of the guard as a temporary lock.
	 */
	private static AuthenticationManager guardedPasswords(UserDetailsService users, PasswordEncoder encoder,
			SignInGuard guard, ApplicationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new GuardedPasswords(passwords, guard));
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setAdditionalExceptionMappings(
				Map.of(TooManyAttemptsException.class, AuthenticationFailureLockedEvent.class));
		manager.setAuthenticationEventPublisher(publisher);
		return manager;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UsersProperties properties, PanelProperties panel, PasswordEncoder encoder) {
		List<UserDetails> users = properties.users().isEmpty()
				? List.of(user(InitialAdmin.USERNAME, InitialAdmin.passwordHash(panel.dataDir(), encoder), Role.ADMIN))
				: properties.users().stream().map(SecurityConfig::configuredUser).toList();
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails configuredUser(UsersProperties.User user) {
		if (user.username() == null || user.username().isBlank() || user.role() == null) {
			throw new IllegalStateException("every entry of panel.users needs a username and a role (ADMIN or OPERATOR)");
		}
		if (user.password() == null || !BCRYPT_HASH.matcher(user.password()).matches()) {
			throw new IllegalStateException("the password of panel user '" + user.username()
					+ "' must be a {bcrypt} hash: make one with 'java -jar unban-panel.jar hash-password'");
		}
		return user(user.username(), user.password(), user.role());
	}

	private static UserDetails user(String username, String passwordHash, Role role) {
		return User.withUsername(username).password(passwordHash).roles(role.name()).build();
	}

}
