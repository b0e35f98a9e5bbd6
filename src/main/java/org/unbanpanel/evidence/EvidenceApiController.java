package org.unbanpanel.evidence;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.web.Problems;
import org.unbanpanel.web.RejectedRequest;

/**
 * The evidence for scripts: {@code GET /api/v1/evidence?jail=&ip=} (the address's current or last ban in the jail)
 * and {@code GET /api/v1/evidence/history?ip=}. RFC 9457 problems: 400 for a bad value, 404 when the jail holds no
 * ban of the address and fail2ban's log records none, 503 when fail2ban cannot be asked.
 */
@RestController
class EvidenceApiController {

	private final EvidenceService evidence;

	private final Problems problems;

	EvidenceApiController(EvidenceService evidence, Problems problems) {
		this.evidence = evidence;
		this.problems = problems;
	}

	@GetMapping("/api/v1/evidence")
	ResponseEntity<?> evidence(@RequestParam String jail, @RequestParam String ip) {
		BanTarget address = address(ip);
		try {
			return evidence.forLatestBan(jail, address)
				.<ResponseEntity<?>>map(ResponseEntity::ok)
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
					.body(problems.of(HttpStatus.NOT_FOUND, "evidence.api.noBan", Explanation.of("evidence.api.noBan.detail"))));
		}
		catch (InvalidValueException ex) {
			throw refused("jail", ex);
		}
	}

	@GetMapping("/api/v1/evidence/history")
	History history(@RequestParam String ip) {
		return evidence.history(address(ip));
	}

	/** The address asked about; anything else is refused as a 400 problem naming it, before anything runs. */
	private static BanTarget address(String ip) {
		try {
			return BannedAddress.parse(ip);
		}
		catch (InvalidValueException ex) {
			throw refused("ip", ex);
		}
	}

	private static RejectedRequest refused(String field, InvalidValueException ex) {
		return RejectedRequest.of("evidence.api.invalid", Explanation.of("evidence.api.rejected"),
				List.of(new Rejection(field, ex.code(), InvalidValueException.printable(ex.value()))));
	}

	@ExceptionHandler(Fail2banException.class)
	ResponseEntity<ProblemDetail> unavailable(Fail2banException ex) {
		HttpStatus status = ex.reason() == Fail2banException.Reason.REFUSED ? HttpStatus.NOT_FOUND
				: HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(status).body(problems.of(status,
				status == HttpStatus.NOT_FOUND ? "jails.api.unknown" : "jails.api.unavailable", ex));
	}

}
