package org.unbanpanel.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people who may sign in. With no user configured (the default) the panel creates {@code admin} with a random
 * password on first start, see {@link InitialAdmin}.
 *
 * @param users each with a user name, a password as a {@code {bcrypt}} hash (produce one with
 * {@code java -jar unban-panel.jar hash-password}) and a role
 */
@ConfigurationProperties("panel")
record UsersProperties(@DefaultValue List<User> users) {

	/**
	 * @param role {@code ADMIN} may unblock; {@code OPERATOR} may only look
	 */
	record User(String username, String password, Role role) {
	}

}
