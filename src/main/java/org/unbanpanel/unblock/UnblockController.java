package org.unbanpanel.unblock;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.TrustPeriod;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobRedirect;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.watch.WatchService;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.FormErrors;

/**
 * System → Unblock Access: the addresses and accounts to release, the trust afterwards and, for a fleet of several
 * hosts, the hosts to release them on (every one ticked at first). The page also says in which jails the visitor's own address is banned (one fail2ban
 * lookup per view, nothing when fail2ban does not answer) and links to the lookup for it, and it lists the addresses
 * fail2ban banned again in the last 24 h after a release (the watch module).
 */
@Controller
class UnblockController {

	static final String VIEW = "unblock/form";

	private final JobService jobs;

	private final UnblockValidator validator;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	private final Fail2ban fail2ban;

	private final TrustPolicy trustPolicy;

	private final WatchService watch;

	UnblockController(JobService jobs, UnblockValidator validator, ClientAddress clientAddress,
			MessageSource messages, Fail2ban fail2ban, TrustPolicy trustPolicy, WatchService watch) {
		this.jobs = jobs;
		this.validator = validator;
		this.clientAddress = clientAddress;
		this.messages = messages;
		this.fail2ban = fail2ban;
		this.trustPolicy = trustPolicy;
		this.watch = watch;
	}

	@ModelAttribute("clientAddress")
	String clientAddress(HttpServletRequest request) {
		return clientAddress.of(request);
	}

	@GetMapping("/system/unblock")
	String form(Model model, HttpServletRequest request) {
		model.addAttribute("unblockForm", UnblockForm.empty(validator.fleet()));
		return view(model, request);
	}

	@PostMapping("/system/unblock")
	String submit(@Valid UnblockForm unblockForm, BindingResult result, Authentication user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(model, request);
		}
		UnblockValidator.Result checked = validator.validate(unblockForm.ipValues(), unblockForm.accountValues());
		FormErrors.reject(result, checked.rejections());
		List<BanTarget> addresses = checked.valid() ? checked.request().addresses() : List.of();
		TrustPolicy.Checked trust = trustPolicy.check(unblockForm.trust(), unblockForm.confirmed(), addresses,
				UnblockValidator.IPS);
		FormErrors.reject(result, trust.rejections());
		ParsedField<HostName> hosts = validator.hosts(unblockForm.hostValues(offersHosts()));
		FormErrors.reject(result, hosts.rejections());
		if (result.hasErrors()) {
			return view(model, request);
		}
		ReleaseRequest unblock = new ReleaseRequest(addresses, checked.request().accounts(),
				trust.period().duration(), List.of(), hosts.values());
		long jobId = jobs.submit(unblock, user.getName(), clientAddress.of(request));
		return JobRedirect.to(jobId, redirect, messages, "unblock.queued", unblock.size());
	}

	private String view(Model model, HttpServletRequest request) {
		model.addAttribute("bannedIn", bannedIn(clientAddress.of(request)));
		model.addAttribute("trustPeriods", TrustPeriod.values());
		model.addAttribute("acceptsAccounts", validator.acceptsAccounts());
		model.addAttribute("rebans", watch.recent());
		model.addAttribute("fleet", offersHosts() ? validator.fleet() : List.of());
		return VIEW;
	}

	/** Whether the form offers the choice of hosts: only for a fleet of more than one. */
	private boolean offersHosts() {
		return validator.fleet().size() > 1;
	}

	/**
	 * The jails of this machine that block the visitor's address, by its own ban or a network's; none when fail2ban does
	 * not answer, which the banner reports, and none when this machine is not one of the panel's hosts.
	 */
	private List<String> bannedIn(String address) {
		if (!validator.fleet().contains(HostName.LOCAL)) {
			return List.of();
		}
		try {
			return BanTarget.tryParse(address)
				.map(target -> fail2ban.whereBanned(List.of(target)).getOrDefault(target, List.of()))
				.orElse(List.of())
				.stream()
				.map(HeldBan::jail)
				.distinct()
				.toList();
		}
		catch (Fail2banException ex) {
			return List.of();
		}
	}

}
