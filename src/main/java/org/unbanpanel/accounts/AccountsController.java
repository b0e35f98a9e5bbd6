package org.unbanpanel.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobRedirect;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.web.ClientAddress;

/**
 * The locked-accounts page: every host's accounts with failed logins, a section per host, and when each lock ends by
 * itself (or that it never does), and for admins a reset per account and host, queued as an Unblock Access job so that
 * it is audited and retried like any other.
 */
@Controller
class AccountsController {

	static final String VIEW = "accounts/list";

	private final AccountsService service;

	private final JobService jobs;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	AccountsController(AccountsService service, JobService jobs, ClientAddress clientAddress,
			MessageSource messages) {
		this.service = service;
		this.jobs = jobs;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	/** Every host's locked accounts, a section per host; a host whose lock tool cannot be asked shows why. */
	@GetMapping("/accounts")
	String accounts(Model model) {
		model.addAttribute("hosts", service.overview());
		return VIEW;
	}

	/**
	 * Queues the reset of one account on the host of its section ({@code host}, missing or empty for local) only: the
	 * same name may be locked on another host for reasons of its own.
	 */
	@PostMapping("/accounts/reset")
	String reset(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host,
			Authentication signedIn, HttpServletRequest request, RedirectAttributes redirect) {
		ParsedField<AccountName> account = ParsedField.parse("user", List.of(user), AccountName::parse);
		ParsedField<HostName> on = ParsedField.parse("host", List.of(host), HostName::parse);
		Optional<Rejection> refused = Stream.concat(account.rejections().stream(), on.rejections().stream())
			.findFirst();
		if (refused.isPresent()) {
			return refuse(refused.get(), redirect);
		}
		try {
			long jobId = jobs.submit(new ReleaseRequest(List.of(), account.values(), Duration.ZERO, List.of(),
					on.values()), signedIn.getName(), clientAddress.of(request));
			return queued(jobId, account.values().get(0), on.values().get(0), redirect);
		}
		catch (InvalidValueException ex) {
			return refuse(Rejection.of("host", ex), redirect);
		}
	}

	private String refuse(Rejection refused, RedirectAttributes redirect) {
		redirect.addFlashAttribute("resetError", message(refused.code(), refused.value()));
		return "redirect:/accounts";
	}

	private String queued(long jobId, AccountName account, HostName host, RedirectAttributes redirect) {
		return host.isLocal() ? JobRedirect.to(jobId, redirect, messages, "accounts.reset.queued", account.value())
				: JobRedirect.to(jobId, redirect, messages, "accounts.reset.queuedOn", account.value(), host.value());
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
