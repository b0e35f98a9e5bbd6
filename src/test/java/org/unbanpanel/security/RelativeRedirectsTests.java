package org.unbanpanel.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeRedirectsTests {

	@Test
	void keepsOnlyThePathQueryAndFragmentOfAnAbsoluteLocation() {
		assertThat(RelativeRedirects.relative("http://evil.example/login?continue#top")).isEqualTo("/login?continue#top");
		assertThat(RelativeRedirects.relative("https://evil.example:8443/jobs/7")).isEqualTo("/jobs/7");
		assertThat(RelativeRedirects.relative("http://evil.example")).isEqualTo("/");
		assertThat(RelativeRedirects.relative("//evil.example/login")).as("protocol-relative").isEqualTo("/login");
	}

	@Test
	void leavesAPathAsItIs() {
		assertThat(RelativeRedirects.relative("/login?error")).isEqualTo("/login?error");
		assertThat(RelativeRedirects.relative("/jobs/12?x=%2F")).isEqualTo("/jobs/12?x=%2F");
	}

	@Test
	void sendsAnythingElseToTheStart() {
		assertThat(RelativeRedirects.relative("javascript:alert(1)")).isEqualTo("/");
		assertThat(RelativeRedirects.relative("/\\evil.example")).isEqualTo("/");
	}

}
