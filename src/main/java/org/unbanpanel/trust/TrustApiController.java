package org.unbanpanel.trust;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/trusts}: the current trusts as JSON, the one ending first first. */
@RestController
class TrustApiController {

	private final TrustService service;

	TrustApiController(TrustService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/trusts")
	List<Trust> trusts() {
		return service.current();
	}

}
