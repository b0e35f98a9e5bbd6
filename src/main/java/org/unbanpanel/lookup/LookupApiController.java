package org.unbanpanel.lookup;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.web.RejectedRequest;

/**
 * {@code GET /api/v1/lookup?ip=&user=}: the lookup as JSON, one result per host ({@code hosts[]}, each naming its
 * {@code host}; a host that cannot be reached has {@code unreachable} and nothing else); bad values as an RFC 9457
 * problem naming each one.
 */
@RestController
class LookupApiController {

	private final LookupService lookups;

	LookupApiController(LookupService lookups) {
		this.lookups = lookups;
	}

	@GetMapping("/api/v1/lookup")
	LookupResults lookup(@RequestParam(required = false) String ip, @RequestParam(required = false) String user) {
		LookupQuery query = LookupQuery.parse(ip, user);
		if (!query.valid()) {
			throw problem(Explanation.of("lookup.api.rejected", query.rejections().size()), query.rejections());
		}
		if (query.isEmpty()) {
			throw problem(Explanation.of("lookup.api.nothing"), List.of());
		}
		return lookups.lookup(query);
	}

	private static RejectedRequest problem(Explanation detail, List<Rejection> rejections) {
		return RejectedRequest.of("lookup.api.invalid", detail, rejections);
	}

}
