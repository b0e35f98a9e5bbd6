package org.unbanpanel.accounts;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.web.Problems;

/**
 * The locked accounts for scripts: {@code GET /api/v1/accounts}, of the local machine or, with {@code ?host=}, of
 * another host. When the tool cannot be run there, or no tool is configured, the answer is 503 as an RFC 9457 problem
 * with the reason (and the tool, unless the host could not even be asked which it has); 404 for a host the panel does
 * not have.
 */
@RestController
class AccountsApiController {

	private final AccountsService service;

	private final Problems problems;

	AccountsApiController(AccountsService service, Problems problems) {
		this.service = service;
		this.problems = problems;
	}

	@GetMapping("/api/v1/accounts")
	ResponseEntity<Object> accounts(@RequestParam(defaultValue = HostName.LOCAL_NAME) String host) {
		AccountLocks locks = service.on(host);
		String backend = null;
		try {
			backend = locks.backend();
			return ResponseEntity.ok(new Accounts(host, backend, locks.all()));
		}
		catch (AccountLockException ex) {
			ProblemDetail problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "accounts.api.unavailable", ex);
			problem.setProperty("host", host);
			if (backend != null) {
				problem.setProperty("backend", backend);
			}
			problem.setProperty("reason", ex.reason().name());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
		}
	}

	@ExceptionHandler(NoSuchHostException.class)
	ProblemDetail unknownHost(NoSuchHostException ex) {
		return problems.of(HttpStatus.NOT_FOUND, "hosts.api.unknown", ex);
	}

	/** The answer: the host, which tool was asked there, and every account it reports with failures. */
	record Accounts(String host, String backend, List<LockRecord> accounts) {
	}

}
