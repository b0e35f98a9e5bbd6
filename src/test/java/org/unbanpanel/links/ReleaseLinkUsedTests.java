package org.unbanpanel.links;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseLinkUsedTests {

	/**
	 * The event publication registry keeps the event as JSON until every listener (the audit trail, notices) has
	 * handled it, and hands it again after a restart: it must read back as it was written.
	 */
	@Test
	void readsBackFromTheJsonTheEventRegistryKeeps() {
		JsonMapper json = JsonMapper.builder().build();
		ReleaseLinkUsed used = new ReleaseLinkUsed(12, "Office Gràcia", BanTarget.parse("2001:db8::7"), 42,
				Instant.parse("2026-11-25T11:00:00Z"));

		String stored = json.writeValueAsString(used);

		assertThat(stored).contains("\"visitor\":\"2001:db8::7\"");
		assertThat(json.readValue(stored, ReleaseLinkUsed.class)).isEqualTo(used);
	}

}
