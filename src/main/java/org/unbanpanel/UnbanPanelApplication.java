package org.unbanpanel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UnbanPanelApplication {

	public static void main(String[] args) {
		SpringApplication.run(UnbanPanelApplication.class, args);
	}

}
