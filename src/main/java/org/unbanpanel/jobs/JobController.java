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

	JobController(JobService service, ClientAddress clientAddress, MessageSource messages) {
		this.service = service;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@GetMapping("/jobs")
	String recent(Model model) {
		model.addAttribute("jobs", service.recent(RECENT));
		return "jobs/list";
	}

	/** A path that {@link JobId} does not take is no page: 404. */
	@GetMapping("/jobs/{id:" + JobId.PATTERN + "}")
	String job(@PathVariable long id, Model model) {
		model.addAttribute("job", job(id));
		return "jobs/job";
	}

	/**
	 * Queues the release of a network that still blocks a value of the job, from the jail that holds it, once the
	 * admin has confirmed that it releases every address in it; only a network the job's result names.
	 */
	@PostMapping("/jobs/{id:" + JobId.PATTERN + "}/release-network")
	String releaseNetwork(@PathVariable long id, @RequestParam String network, @RequestParam String jail,
			@RequestParam(defaultValue = "false") boolean confirmed, Authentication user, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean covering = job(id).items()
			.stream()
			.flatMap(item -> item.covering().stream())
			.anyMatch(ban -> ban.entry().equals(network) && ban.jail().equals(jail));
		if (!covering || !confirmed) {
			redirect.addFlashAttribute("releaseError", covering ? text("job.releaseNetwork.notConfirmed")
					: text("job.releaseNetwork.notCovering", network, jail));
			return "redirect:/jobs/" + id;
		}
		ReleaseRequest release = new ReleaseRequest(List.of(ReleaseRequest.releasable(network)), List.of(),
				Duration.ZERO, List.of(jail));
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
