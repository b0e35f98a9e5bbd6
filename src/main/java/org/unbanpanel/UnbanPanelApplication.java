package org.unbanpanel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.unbanpanel.security.PasswordHashCommand;
import org.unbanpanel.web.PanelVersion;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UnbanPanelApplication {

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && PasswordHashCommand.NAME.equals(args[0])) {
			PasswordHashCommand.run(System.in, System.out);
			return;
		}
		if (args.length == 1 && "--version".equals(args[0])) {
			System.out.println("unban-panel " + PanelVersion.current());
			return;
		}
		SpringApplication.run(UnbanPanelApplication.class, args);
	}

}
