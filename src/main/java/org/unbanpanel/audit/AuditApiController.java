package org.unbanpanel.audit;

import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.web.PanelTime;
import org.unbanpanel.web.RejectedRequest;

/**
 * The audit trail for scripts: {@code GET /api/v1/audit?user=&value=&from=&to=&page=&size=} with the same filter and
 * paging as the page; a bad filter answers 400 as an RFC 9457 problem naming each field.
 */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	private final PanelTime times;

	AuditApiController(AuditTrail trail, PanelTime times) {
		this.trail = trail;
		this.times = times;
	}

	@GetMapping("/api/v1/audit")
	AuditPage audit(@Valid AuditForm filter, BindingResult result) {
		filter.checkDates(result);
		if (result.hasErrors()) {
			throw RejectedRequest.of("audit.api.invalid", Explanation.of("audit.api.rejected", result.getErrorCount()),
					result);
		}
		return trail.find(filter.filter(times.zone()), filter.pageNumber(), filter.pageSize());
	}

}
