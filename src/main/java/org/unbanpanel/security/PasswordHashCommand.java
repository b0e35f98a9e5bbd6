package org.unbanpanel.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar unban-panel.jar hash-password}: reads a password from standard input (never from the command line,
 * where other users could see it in the process list) and prints the {@code {bcrypt}} hash for {@code panel.users}.
 */
public final class PasswordHashCommand {

	public static final String NAME = "hash-password";

	private PasswordHashCommand() {
	}

	public static void run(java.io.InputStream in, PrintStream out) throws IOException {
		String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("type the password on standard input");
		}
		out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
	}

}
