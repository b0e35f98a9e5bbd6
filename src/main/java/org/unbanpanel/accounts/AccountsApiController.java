package org.unbanpanel.accounts;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.web.Problems;

/**
 * The locked accounts for scripts: {@code GET /api/v1/accounts}. When the tool cannot be run, or no tool is
 * configured, the answer is 503 as an RFC 9457 problem with the reason.
 */
@RestController
class AccountsApiController {

	private final AccountLocks locks;

	private final Problems problems;

	AccountsApiController(AccountLocks locks, Problems problems) {
		this.locks = locks;
		this.problems = problems;
	}

	@GetMapping("/api/v1/accounts")
	Accounts accounts() {
		return new Accounts(locks.backend(), locks.all());
	}

	@ExceptionHandler(AccountLockException.class)
	ResponseEntity<ProblemDetail> unavailable(AccountLockException ex) {
		ProblemDetail problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "accounts.api.unavailable", ex);
		problem.setProperty("backend", locks.backend());
		problem.setProperty("reason", ex.reason().name());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

	/** The answer: which tool was asked, and every account it reports with failures. */
	record Accounts(String backend, List<LockRecord> accounts) {
	}

}
