package org.unbanpanel.health;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the management endpoints, which are served on their own port (management.server.port, bound to
 * 127.0.0.1 by default): from this machine, {@code /actuator/health} (its status, its probes) and
 * {@code /actuator/prometheus} without signing in, for a local monitoring agent; anything else, and everything from
 * another address, only after signing in with HTTP Basic as a panel user, who also sees the health details. An
 * anonymous request from elsewhere gets a bare 401 and nothing more.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "prometheus"))
				.access(fromLoopbackOrSignedIn())
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(ManagementSecurity::unauthorized))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/** A bare 401, without the error page's body. */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Unban Panel\"");
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
	}

	private static AuthorizationManager<RequestAuthorizationContext> fromLoopbackOrSignedIn() {
		return AuthorizationManagers.anyOf(IpAddressAuthorizationManager.hasIpAddress("127.0.0.0/8"),
				IpAddressAuthorizationManager.hasIpAddress("::1"), AuthenticatedAuthorizationManager.authenticated());
	}

}
