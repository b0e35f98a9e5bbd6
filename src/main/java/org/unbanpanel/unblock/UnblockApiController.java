package org.unbanpanel.unblock;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.JailName;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobView;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.RejectedRequest;

/**
 * The Unblock Access action for scripts: {@code POST /api/v1/unblock} with {@code {"ips": [...], "accounts": [...],
 * "trust": "1h", "jails": [...], "hosts": [...]}} answers 202 with the queued job; the same validation as the form, its errors as
 * RFC 9457 problem details.
 */
@RestController
class UnblockApiController {

	static final String JAILS = "jails";

	private final JobService jobs;

	private final UnblockValidator validator;

	private final ClientAddress clientAddress;

	private final TrustPolicy trustPolicy;

	UnblockApiController(JobService jobs, UnblockValidator validator, ClientAddress clientAddress,
			TrustPolicy trustPolicy) {
		this.jobs = jobs;
		this.validator = validator;
		this.clientAddress = clientAddress;
		this.trustPolicy = trustPolicy;
	}

	@PostMapping("/api/v1/unblock")
	ResponseEntity<JobView> unblock(@RequestBody UnblockApiRequest body, Authentication user, HttpServletRequest request) {
		UnblockValidator.Result checked = validator.validate(body.ipValues(), body.accountValues());
		List<BanTarget> addresses = checked.valid() ? checked.request().addresses() : List.of();
		TrustPolicy.Checked trust = trustPolicy.check(body.trust(), Boolean.TRUE.equals(body.confirmWide()),
				addresses, UnblockValidator.IPS);
		ParsedField<String> jails = ParsedField.parse(JAILS, body.jailValues(), JailName::parse);
		ParsedField<HostName> hosts = validator.hosts(body.hosts());
		List<Rejection> rejections = new ArrayList<>(checked.rejections());
		rejections.addAll(trust.rejections());
		rejections.addAll(jails.rejections());
		rejections.addAll(hosts.rejections());
		if (!rejections.isEmpty()) {
			throw RejectedRequest.of("unblock.api.invalid", Explanation.of("unblock.api.rejected", rejections.size()),
					rejections);
		}
		ReleaseRequest unblock = new ReleaseRequest(addresses, checked.request().accounts(),
				trust.period().duration(), jails.values(), hosts.values());
		long id = jobs.submit(unblock, user.getName(), clientAddress.of(request));
		JobView job = jobs.find(id).orElseThrow();
		return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(job);
	}

	/**
	 * The JSON body; either list may be left out. {@code trust} ({@code none}, {@code 1h}, {@code 12h} or
	 * {@code 24h}, default none) keeps the released addresses from being banned again for that time;
	 * {@code confirmWide} confirms trusting ranges wider than a /24 or /48; {@code jails} releases the addresses from
	 * those jails only (default: from every jail); {@code hosts} releases every value on those hosts of the fleet only
	 * (default: on every host; an empty list is refused).
	 */
	record UnblockApiRequest(List<String> ips, List<String> accounts, String trust, Boolean confirmWide,
			List<String> jails, List<String> hosts) {

		List<String> ipValues() {
			return ips == null ? List.of() : ips;
		}

		List<String> accountValues() {
			return accounts == null ? List.of() : accounts;
		}

		List<String> jailValues() {
			return jails == null ? List.of() : jails;
		}

	}

}
