package org.unbanpanel.jails;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.Explanation;

import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.web.Problems;

/**
 * The jail pages for scripts: {@code GET /api/v1/jails}, {@code GET /api/v1/jails/{name}?filter=&page=&size=} and
 * {@code GET /api/v1/jails/{name}/rules}, each of the local machine or, with {@code ?host=}, of another host (each
 * jail in the list carries its {@code host}).
 * Errors are RFC 9457 problem details: 404 for an unknown jail or host, 503 when fail2ban cannot be asked there.
 */
@RestController
@RequestMapping("/api/v1/jails")
class JailsApiController {

	private final JailsService service;

	private final Problems problems;

	JailsApiController(JailsService service, Problems problems) {
		this.service = service;
		this.problems = problems;
	}

	@GetMapping
	List<JailSummary> jails(@RequestParam(defaultValue = HostName.LOCAL_NAME) String host) {
		return service.overview(host);
	}

	@GetMapping("/{name}")
	BanPage jail(@PathVariable String name, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host,
			@RequestParam(defaultValue = "") String filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + BanQuery.DEFAULT_SIZE) int size) {
		return service.bans(host, name, BanQuery.of(filter, page, size));
	}

	@GetMapping("/{name}/rules")
	JailRulesView rules(@PathVariable String name, @RequestParam(defaultValue = HostName.LOCAL_NAME) String host) {
		return service.rules(host, name);
	}

	@ExceptionHandler(NoSuchHostException.class)
	ProblemDetail unknownHost(NoSuchHostException ex) {
		return problems.of(HttpStatus.NOT_FOUND, "hosts.api.unknown", ex);
	}

	@ExceptionHandler(UnknownJailException.class)
	ProblemDetail unknown(UnknownJailException ex) {
		return problems.of(HttpStatus.NOT_FOUND, "jails.api.unknown", Explanation.of("jails.unknown", ex.jail()));
	}

	@ExceptionHandler(Fail2banException.class)
	ProblemDetail unavailable(Fail2banException ex) {
		return problems.of(HttpStatus.SERVICE_UNAVAILABLE, "jails.api.unavailable", ex);
	}

}
