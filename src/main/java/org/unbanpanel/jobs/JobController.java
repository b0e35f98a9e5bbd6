package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.web.ClientAddress;

/**
 * The jobs every release queued (Unblock Access, Lookup, a jail's page, the accounts page): the recent ones, and one
 * with a line per value; and, from a line that a wider banned network still blocks, the release of that network from
 * its jail, once confirmed.
 */
@Controller
class JobController {

	static final int RECENT = 50;

	private final JobService service;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	private final ReleaseWatch watch;

	JobController(JobService service, ClientAddress clientAddress, MessageSource messages, ReleaseWatch watch) {
		this.service = service;
		this.clientAddress = clientAddress;
		this.messages = messages;
		this.watch = watch;
	}

	@GetMapping("/jobs")
	String recent(Model model) {
		model.addAttribute("jobs", service.recent(RECENT));
		return "jobs/list";
	}

	/** A path that {@link JobId} does not take is no page: 404. */
	@GetMapping("/jobs/{id:" + JobId.PATTERN + "}")
	String job(@PathVariable long id, Model model) {
		JobView job = job(id);
		model.addAttribute("job", job);
		// the job's banner says why fail2ban cannot be reached; the layout need not say it a second time
		model.addAttribute("fail2banSaid", job.explainsFail2ban());
		model.addAttribute("rebans", watch.bannedAgain(id));
		model.addAttribute("watchedUntil", watch.watchedUntil(id).orElse(null));
		return "jobs/job";
	}

	/** Has the worker try a job that waits for fail2ban now. */
	@PostMapping("/jobs/{id:" + JobId.PATTERN + "}/retry")
	String retryNow(@PathVariable long id, Authentication user, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean queued = service.retryNow(id, user.getName(), clientAddress.of(request));
		return back(id, redirect, queued, "job.retryNow.done", "job.retryNow.notWaiting");
	}

	/** Ends a job that waits for fail2ban; what it did already stays done. */
	@PostMapping("/jobs/{id:" + JobId.PATTERN + "}/cancel")
	String cancel(@PathVariable long id, Authentication user, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean cancelled = service.cancel(id, user.getName(), clientAddress.of(request));
		return back(id, redirect, cancelled, "job.cancel.done", "job.cancel.notWaiting");
	}

	/**
	 * Queues the failed values of an ended job again, as a new job, and shows that one; refused, with the host named,
	 * when one of them is for a host removed from the fleet since.
	 */
	@PostMapping("/jobs/{id:" + JobId.PATTERN + "}/run-again")
	String runAgain(@PathVariable long id, Authentication user, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			return service.runAgain(id, user.getName(), clientAddress.of(request))
				.map(newId -> JobRedirect.to(newId, redirect, messages, "job.runAgain.done", id))
				.orElseGet(() -> back(id, redirect, false, null, "job.runAgain.nothing"));
		}
		catch (InvalidValueException removed) {
			redirect.addFlashAttribute("actionError",
					text("job.runAgain.hostRemoved", id, InvalidValueException.printable(removed.value())));
			return "redirect:/jobs/" + id;
		}
	}

	/** Back to the job's page, with the flash message of what happened, or the error of why nothing did. */
	private String back(long id, RedirectAttributes redirect, boolean done, String doneCode, String refusedCode) {
		job(id);
		if (done) {
			redirect.addFlashAttribute("message", text(doneCode, id));
		}
		else {
			redirect.addFlashAttribute("actionError", text(refusedCode, id));
		}
		return "redirect:/jobs/" + id;
	}

	/**
	 * Queues the release of a network that still blocks a value of the job, from the jail that holds it on the host
	 * where it does, once the admin has confirmed that it releases every address in it; only a network the job's
	 * result names.
	 */
	@PostMapping("/jobs/{id:" + JobId.PATTERN + "}/release-network")
	String releaseNetwork(@PathVariable long id, @RequestParam String network, @RequestParam String jail,
			@RequestParam(defaultValue = HostName.LOCAL_NAME) String host, @RequestParam(defaultValue = "false") boolean confirmed,
			Authentication user, HttpServletRequest request, RedirectAttributes redirect) {
		boolean covering = job(id).items()
			.stream()
			.filter(item -> item.host().equals(host))
			.flatMap(item -> item.covering().stream())
			.anyMatch(ban -> ban.entry().equals(network) && ban.jail().equals(jail));
		if (!covering || !confirmed) {
			redirect.addFlashAttribute("actionError", covering ? text("job.releaseNetwork.notConfirmed")
					: text("job.releaseNetwork.notCovering", network, jail));
			return "redirect:/jobs/" + id;
		}
		ReleaseRequest release = new ReleaseRequest(List.of(ReleaseRequest.releasable(network)), List.of(),
				Duration.ZERO, List.of(jail), List.of(HostName.parse(host)));
		long jobId = service.submit(release, user.getName(), clientAddress.of(request));
		return JobRedirect.to(jobId, redirect, messages, "job.releaseNetwork.queued", network, jail);
	}

	private JobView job(long id) {
		return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
