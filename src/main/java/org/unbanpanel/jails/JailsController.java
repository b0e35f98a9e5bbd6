package org.unbanpanel.jails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.jobs.JobRedirect;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.web.ClientAddress;

/**
 * {@code /jails}: every host's jails' counters, a section per host; {@code /jails/{name}}: a page of one jail's bans,
 * from which admins queue an unban job like Unblock Access does, each ban linking to the evidence behind it;
 * {@code /jails/{name}/rules}: what decides the jail's bans. A jail's pages show the local machine's jail, or with
 * {@code ?host=} another host's (404 when the panel has no such host). When fail2ban cannot be asked, the pages say
 * why instead of the tables.
 */
@Controller
class JailsController {

	static final String LIST = "jails/list";

	static final String JAIL = "jails/jail";

	static final String UNKNOWN = "jails/unknown";

	static final String RULES = "jails/rules";

	static final String UNKNOWN_HOST = "jails/unknownHost";

	/** The {@code scope} of an unban that releases from the jail of the page only. */
	static final String THIS_JAIL_ONLY = "jail";

	private final JailsService service;

	private final JobService jobs;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	JailsController(JailsService service, JobService jobs, ClientAddress clientAddress, MessageSource messages) {
		this.service = service;
		this.jobs = jobs;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	/** Every host's jails, a section per host; a host whose fail2ban cannot be asked shows why. */
	@GetMapping("/jails")
	String list(Model model) {
		model.addAttribute("hosts", service.overview());
		return LIST;
	}

	@GetMapping("/jails/{name}")
	String jail(@PathVariable String name, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host,
			@RequestParam(defaultValue = "") String filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + BanQuery.DEFAULT_SIZE) int size, @RequestParam(required = false) String sort,
			Model model) {
		return show(host, name, BanQuery.of(filter, page, size, sort), model);
	}

	/** The jail's rules, read on demand: they cost a handful of fail2ban-client runs the ban list does not need. */
	@GetMapping("/jails/{name}/rules")
	String rules(@PathVariable String name, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host, Model model) {
		onHost(host, name, model);
		try {
			model.addAttribute("view", service.rules(host, name));
		}
		catch (Fail2banException ex) {
			model.addAttribute("problem", ex.explanation());
		}
		return RULES;
	}

	/**
	 * Queues the checked addresses. When any is not an address, none is queued and the answer is a redirect back to
	 * the same page of the jail with the reasons and the selection (post/redirect/get: a reload never posts again).
	 * With {@code scope=jail} they are released from this jail only and stay banned in every other; otherwise from
	 * every jail that holds them, as on Unblock Access. Either way on the page's host only ({@code ?host=}, default
	 * local): the same address may be banned on another host for reasons of its own.
	 */
	@PostMapping("/jails/{name}/unban")
	String unban(@PathVariable String name, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host,
			@RequestParam(name = "address", required = false) List<String> addresses,
			@RequestParam(defaultValue = "") String filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + BanQuery.DEFAULT_SIZE) int size,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "") String scope,
			Authentication user, HttpServletRequest request, RedirectAttributes redirect) {
		HostName on = service.known(host);
		List<String> selected = addresses == null ? List.of() : addresses;
		List<String> errors = new ArrayList<>();
		List<BanTarget> targets = targets(selected, errors);
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("unbanErrors", errors);
			redirect.addFlashAttribute("selected", selected);
			return "redirect:" + pageOf(host, name, BanQuery.of(filter, page, size, sort));
		}
		boolean thisJailOnly = THIS_JAIL_ONLY.equals(scope);
		long jobId = jobs.submit(new ReleaseRequest(targets, List.of(), Duration.ZERO,
				thisJailOnly ? List.of(name) : List.of(), List.of(on)), user.getName(), clientAddress.of(request));
		return JobRedirect.to(jobId, redirect, messages, thisJailOnly ? "jails.unban.queuedJail" : "jails.unban.queued",
				targets.size(), name);
	}

	/** The address of one page of a jail, as its links write it. */
	private static String pageOf(String host, String jail, BanQuery query) {
		return JailLinks.builder("/jails/{name}", host)
			.queryParam("filter", query.filter())
			.queryParam("page", query.page())
			.queryParam("size", query.size())
			.queryParam("sort", query.sort().param())
			.buildAndExpand(jail)
			.toUriString();
	}

	@ExceptionHandler(UnknownJailException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown(UnknownJailException ex, Model model) {
		model.addAttribute("jail", ex.jail());
		return UNKNOWN;
	}

	@ExceptionHandler(NoSuchHostException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownHost(NoSuchHostException ex, Model model) {
		model.addAttribute("host", InvalidValueException.printable(ex.host()));
		return UNKNOWN_HOST;
	}

	private String show(String host, String name, BanQuery query, Model model) {
		onHost(host, name, model);
		model.addAttribute("query", query);
		try {
			model.addAttribute("page", service.bans(host, name, query));
		}
		catch (Fail2banException ex) {
			model.addAttribute("problem", ex.explanation());
		}
		return JAIL;
	}

	/** What a jail's pages need to know of the host they show: its name, whether it is another machine, their links. */
	private static void onHost(String host, String jail, Model model) {
		model.addAttribute("jail", jail);
		model.addAttribute("host", host);
		model.addAttribute("remote", !HostName.LOCAL_NAME.equals(host));
		model.addAttribute("jailLink", JailLinks.bans(host, jail));
		model.addAttribute("rulesLink", JailLinks.rules(host, jail));
	}

	/** The selection as targets; each value that is not one becomes a message in {@code errors}. */
	private List<BanTarget> targets(List<String> selected, List<String> errors) {
		if (selected.isEmpty()) {
			errors.add(message("jails.unban.nothing"));
		}
		if (selected.size() > BanQuery.MAX_SIZE) {
			errors.add(message("jails.unban.tooMany", BanQuery.MAX_SIZE));
			return List.of();
		}
		ParsedField<BanTarget> targets = ParsedField.parse("address", selected, ReleaseRequest::releasable);
		targets.rejections().forEach(rejection -> errors.add(message(rejection.code(), rejection.value())));
		ReleaseRequest.together("address", targets.values())
			.ifPresent(rejection -> errors.add(message(rejection.code(), rejection.value())));
		return targets.values();
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
