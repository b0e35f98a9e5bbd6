package org.unbanpanel.accounts;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.jobs.JobRedirect;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;
import org.unbanpanel.web.ClientAddress;

/**
 * The locked-accounts page: every account with failed logins and when its lock ends by itself (or that it never
 * does), and for admins a reset per account, queued as an Unblock Access job so that it is audited and retried like
 * any other.
 */
@Controller
class AccountsController {

	static final String VIEW = "accounts/list";

	private final AccountLocks locks;

	private final LockPolicies policies;

	private final Clock clock;

	private final JobService jobs;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	AccountsController(AccountLocks locks, LockPolicies policies, Clock clock, JobService jobs,
			ClientAddress clientAddress, MessageSource messages) {
		this.locks = locks;
		this.policies = policies;
		this.clock = clock;
		this.jobs = jobs;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@GetMapping("/accounts")
	String accounts(Model model) {
		model.addAttribute("backend", locks.backend());
		model.addAttribute("locks", locks);
		try {
			List<LockRecord> accounts = locks.all();
			model.addAttribute("accounts", accounts);
			model.addAttribute("states", states(accounts, model));
		}
		catch (AccountLockException ex) {
			model.addAttribute("accounts", List.of());
			model.addAttribute("problem", ex.explanation());
			model.addAttribute("notConfigured", ex.reason() == AccountLockException.Reason.NOT_CONFIGURED);
		}
		return VIEW;
	}

	/** Each account's lock state by user; none, with the reason on the page, when the policy cannot be read. */
	private Map<String, LockState> states(List<LockRecord> accounts, Model model) {
		Map<String, LockState> states = new HashMap<>();
		try {
			LockPolicy policy = policies.current();
			accounts.forEach(account -> states.put(account.user(),
					policy.state(account, clock.instant(), ZoneId.systemDefault())));
		}
		catch (AccountLockException ex) {
			model.addAttribute("policyProblem", ex.explanation());
		}
		return states;
	}

	@PostMapping("/accounts/reset")
	String reset(@RequestParam(defaultValue = "") String user, Authentication signedIn, HttpServletRequest request,
			RedirectAttributes redirect) {
		ParsedField<AccountName> account = ParsedField.parse("user", List.of(user), AccountName::parse);
		if (!account.valid()) {
			Rejection refused = account.rejections().get(0);
			redirect.addFlashAttribute("resetError", message(refused.code(), refused.value()));
			return "redirect:/accounts";
		}
		long jobId = jobs.submit(new ReleaseRequest(List.of(), account.values()), signedIn.getName(),
				clientAddress.of(request));
		return JobRedirect.to(jobId, redirect, messages, "accounts.reset.queued", account.values().get(0).value());
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
