package org.unbanpanel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.unbanpanel.security.PasswordHashCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UnbanPanelApplication {

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && PasswordHashCommand.NAME.equals(args[0])) {
			PasswordHashCommand.run(System.in, System.out);
			return;
		}
		SpringApplication.run(UnbanPanelApplication.class, args);
	}

}
