package org.unbanpanel.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.core.TrustPeriod;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobRedirect;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.watch.WatchService;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.FormErrors;

/**
 * System → Lookup: where an address is banned and until when, why (the evidence behind each ban) and how often, and a
 * user's failed logins and when their lock ends, on every host; "Release everything" queues one job for all of it on
 * the hosts where something was found, the locked accounts the evidence names included when chosen, optionally with a
 * trust.
 */
@Controller
class LookupController {

	static final String VIEW = "lookup/lookup";

	private final LookupService lookups;

	private final JobService jobs;

	private final TrustPolicy trustPolicy;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	private final WatchService watch;

	LookupController(LookupService lookups, JobService jobs, TrustPolicy trustPolicy,
			ClientAddress clientAddress, MessageSource messages, WatchService watch) {
		this.lookups = lookups;
		this.jobs = jobs;
		this.trustPolicy = trustPolicy;
		this.clientAddress = clientAddress;
		this.messages = messages;
		this.watch = watch;
	}

	@GetMapping("/lookup")
	String lookup(LookupForm lookupForm, BindingResult result, Model model) {
		if (!lookupForm.isEmpty()) {
			show(reported(LookupQuery.parse(lookupForm.ip(), lookupForm.user()), result), model);
		}
		return view(model);
	}

	@PostMapping("/lookup/release")
	String release(LookupForm lookupForm, BindingResult result, Authentication user, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		LookupQuery query = reported(
				LookupQuery.parseRelease(lookupForm.ip(), lookupForm.user(), lookupForm.unlock()), result);
		TrustPolicy.Checked trust = trustPolicy.check(lookupForm.trust(), lookupForm.confirmed(),
				query.address().stream().toList(), LookupForm.IP);
		FormErrors.reject(result, trust.rejections());
		if (!result.hasErrors() && query.isEmpty()) {
			result.reject("unblock.nothing");
		}
		List<HostName> hosts = hosts(lookupForm.host(), result);
		if (result.hasErrors()) {
			show(query, model);
			return view(model);
		}
		ReleaseRequest release = new ReleaseRequest(query.address().stream().toList(), query.accounts(),
				trust.period().duration(), List.of(), hosts);
		long jobId;
		try {
			jobId = jobs.submit(release, user.getName(), clientAddress.of(request));
		}
		catch (InvalidValueException ex) {
			rejected(ex, result);
			show(query, model);
			return view(model);
		}
		return JobRedirect.to(jobId, redirect, messages, "unblock.queued", release.size());
	}

	/** The hosts the form names, checked as host names; none names every host. */
	private static List<HostName> hosts(List<String> names, BindingResult result) {
		List<HostName> hosts = new ArrayList<>();
		for (String name : names) {
			try {
				hosts.add(HostName.parse(name));
			}
			catch (InvalidValueException ex) {
				rejected(ex, result);
			}
		}
		return hosts;
	}

	private static void rejected(InvalidValueException ex, BindingResult result) {
		result.reject(ex.code(), new Object[] { InvalidValueException.printable(ex.value()) }, ex.getMessage());
	}

	/** The query, each bad value of it now a field error. */
	private static LookupQuery reported(LookupQuery query, BindingResult result) {
		FormErrors.reject(result, query.rejections());
		return query;
	}

	private void show(LookupQuery query, Model model) {
		if (query.valid() && !query.isEmpty()) {
			LookupResults results = lookups.lookup(query);
			model.addAttribute("results", results);
			model.addAttribute("rebans", (results.address() != null) ? byHost(watch.ofAddress(results.address())) : Map.of());
		}
	}

	/** Each host's new bans, for that host's part of the page. */
	private static Map<String, List<Reban>> byHost(List<Reban> rebans) {
		return rebans.stream().collect(Collectors.groupingBy(reban -> reban.host().value()));
	}

	private String view(Model model) {
		model.addAttribute("trustPeriods", TrustPeriod.values());
		return VIEW;
	}

}
