package org.unbanpanel.pam;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;

import static org.assertj.core.api.Assertions.assertThat;

class LockPolicyTests {

	/**
	 * The example of pam_tally2(8), Linux-PAM 1.4.0 (the last release with pam_tally2): "lock the account after 4
	 * failed logins. Root account will be locked as well. The accounts will be automatically unlocked after 20
	 * minutes." pam_tally2 is not packaged on Debian 12, so this recorded line stands for a real stack.
	 */
	static final String TALLY2_STACK = """
			auth     required       pam_securetty.so
			auth     required       pam_tally2.so deny=4 even_deny_root unlock_time=1200
			auth     required       pam_env.so
			auth     required       pam_unix.so
			""";

	/** A Debian 12 stack as pam-auth-update writes it, with pam_faillock added as pam_faillock(8) shows. */
	static final String COMMON_AUTH = """
			# here are the per-package modules (the "Primary" block)
			auth	requisite			pam_faillock.so preauth
			auth	[success=1 default=ignore]	pam_unix.so nullok
			auth	[default=die]			pam_faillock.so authfail
			auth	requisite			pam_deny.so
			auth	required			pam_permit.so
			auth	sufficient			pam_faillock.so authsucc
			""";

	static final ZoneId ZONE = ZoneOffset.UTC;

	@Test
	void readsPamTally2sDenyAndUnlockTimeFromItsPamLineAndCountsDownBobsLock() {
		LockPolicy policy = tally2(TALLY2_STACK);
		LockRecord bob = PamTally2Output.parse(PamTally2Recording.BOB_FIVE_FAILURES.stdout(), AccountName.parse("bob"));

		assertThat(policy.deny()).isEqualTo(4);
		assertThat(policy.unlockTime()).isEqualTo(Duration.ofMinutes(20));
		assertThat(policy.evenDenyRoot()).isTrue();
		assertThat(policy.state(bob, Instant.parse("2026-11-25T11:10:00Z"), ZONE))
			.isEqualTo(new LockState(LockState.Status.LOCKED, 5, 4, Instant.parse("2026-11-25T11:20:17Z"), true));
		assertThat(policy.state(bob, Instant.parse("2026-11-25T11:20:17Z"), ZONE).status())
			.isEqualTo(LockState.Status.LOCK_RAN_OUT);
	}

	@Test
	void saysNeverWhenPamTally2HasNoUnlockTime() {
		LockPolicy policy = tally2("auth required pam_tally2.so deny=3 onerr=fail\n");
		LockRecord bob = PamTally2Output.parse(PamTally2Recording.BOB_FIVE_FAILURES.stdout(), AccountName.parse("bob"));

		assertThat(policy.state(bob, Instant.parse("2027-01-01T00:00:00Z"), ZONE).status())
			.isEqualTo(LockState.Status.LOCKED_UNTIL_RESET);
		assertThat(tally2("auth required pam_tally2.so\n").state(bob, Instant.EPOCH, ZONE).status())
			.as("deny=0, pam_tally2's default, never locks")
			.isEqualTo(LockState.Status.NEVER_LOCKS);
	}

	@Test
	void takesTheStacksArgumentsOverFaillockConfOverTheDefaults() {
		Map<String, String> conf = PolicySettings.faillockConf("""
				# deny = 9
				deny = 5
				unlock_time = never
				fail_interval = 300
				even_deny_root
				""");

		LockPolicy fromConf = PolicySettings.faillock(conf, PolicySettings.arguments(List.of("preauth")), List.of());
		LockPolicy overridden = PolicySettings.faillock(conf,
				PolicySettings.arguments(List.of("preauth", "deny=3", "unlock_time=600")), List.of());
		LockPolicy defaults = PolicySettings.faillock(Map.of(), Map.of(), List.of());

		assertThat(fromConf).extracting(LockPolicy::deny, LockPolicy::unlockTime, LockPolicy::failInterval,
				LockPolicy::evenDenyRoot)
			.containsExactly(5, Duration.ZERO, Duration.ofMinutes(5), true);
		assertThat(overridden).extracting(LockPolicy::deny, LockPolicy::unlockTime, LockPolicy::rootUnlockTime)
			.containsExactly(3, Duration.ofMinutes(10), Duration.ofMinutes(10));
		assertThat(defaults).extracting(LockPolicy::deny, LockPolicy::unlockTime, LockPolicy::failInterval,
				LockPolicy::evenDenyRoot)
			.containsExactly(3, Duration.ofMinutes(10), Duration.ofMinutes(15), false);
	}

	@Test
	void findsTheFirstFaillockRuleOfTheStackThroughItsIncludes() {
		List<PamStack.Rule> rules = PamStack.authRules("sshd", name -> Optional.ofNullable(Map.of("sshd",
				"# PAM configuration for the Secure Shell service\n@include common-auth\naccount required pam_nologin.so\n",
				"common-auth", COMMON_AUTH).get(name)));

		assertThat(rules).extracting(PamStack.Rule::moduleName)
			.containsExactly("pam_faillock.so", "pam_unix.so", "pam_faillock.so", "pam_deny.so", "pam_permit.so",
					"pam_faillock.so");
		assertThat(PolicySettings.firstRule(rules, LockPolicy.FAILLOCK))
			.hasValueSatisfying(rule -> assertThat(rule.arguments()).containsExactly("preauth"))
			.hasValueSatisfying(rule -> assertThat(rule.file()).isEqualTo("common-auth"));
		assertThat(rules.get(1).control()).isEqualTo("[success=1 default=ignore]");
	}

	@Test
	void neverLocksRootWithoutEvenDenyRoot() {
		LockPolicy policy = PolicySettings.faillock(Map.of(), Map.of(), List.of());
		LockRecord root = new LockRecord("root", 5, LocalDateTime.parse("2026-11-25T11:00:00"), "203.0.113.7");

		assertThat(policy.state(root, Instant.parse("2026-11-25T11:01:00Z"), ZONE).status())
			.isEqualTo(LockState.Status.NEVER_LOCKS);
	}

	@Test
	void saysHowFarAnAccountIsFromItsLock() {
		LockPolicy policy = PolicySettings.faillock(Map.of(), Map.of(), List.of());
		LockRecord alice = new LockRecord("alice", 2, LocalDateTime.parse("2026-11-25T11:00:00"), "203.0.113.7");

		assertThat(policy.state(alice, Instant.parse("2026-11-25T11:01:00Z"), ZONE))
			.isEqualTo(new LockState(LockState.Status.BELOW_LIMIT, 2, 3, null, false));
		assertThat(policy.state(LockRecord.noFailures("alice"), Instant.EPOCH, ZONE).status())
			.isEqualTo(LockState.Status.NO_FAILURES);
	}

	private static LockPolicy tally2(String stack) {
		PamStack.Rule rule = PolicySettings
			.firstRule(PamStack.authRules("login", name -> Optional.of(stack)), LockPolicy.TALLY2)
			.orElseThrow();
		return PolicySettings.tally2(PolicySettings.arguments(rule.arguments()), List.of(rule.file()));
	}

}
