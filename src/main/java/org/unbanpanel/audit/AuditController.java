package org.unbanpanel.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.unbanpanel.web.PanelTime;

/** The audit page: who did what, when and from where, filtered and a page at a time. */
@Controller
class AuditController {

	static final String VIEW = "audit/list";

	private final AuditTrail trail;

	private final PanelTime times;

	AuditController(AuditTrail trail, PanelTime times) {
		this.trail = trail;
		this.times = times;
	}

	@GetMapping("/audit")
	String audit(@Valid AuditForm auditForm, BindingResult result, HttpServletRequest request, Model model) {
		auditForm.checkDates(result);
		if (result.hasErrors()) {
			return VIEW;
		}
		AuditPage events = trail.find(auditForm.filter(times.zone()), auditForm.pageNumber(), auditForm.pageSize());
		model.addAttribute("events", events);
		if (events.hasPrevious()) {
			model.addAttribute("previousPage", pageLink(request, events.page() - 1));
		}
		if (events.hasNext()) {
			model.addAttribute("nextPage", pageLink(request, events.page() + 1));
		}
		return VIEW;
	}

	/** The same filter on another page: the query string as it came, with only the page replaced. */
	private static String pageLink(HttpServletRequest request, int page) {
		return UriComponentsBuilder.fromPath("/audit")
			.query(request.getQueryString())
			.replaceQueryParam("page", page)
			.build()
			.toUriString();
	}

}
