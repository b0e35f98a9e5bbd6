package org.unbanpanel.links;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.unbanpanel.web.ClientAddress;

/**
 * The page a release link opens, for anyone without signing in: the visitor's own address, whether the link's jails
 * hold it, one button (POST with CSRF) that releases it, and then what the job did, in the visitor's language.
 * Answers 404 for no link, 410 for a used-up, expired or revoked one, 429 with {@code Retry-After} for an address
 * that tried too many wrong tokens, 503 while fail2ban does not answer.
 */
@Controller
class ReleasePageController {

	static final String PATH = "/release/";

	static final String VIEW = "links/release";

	/** A use's number in the URL: plain decimal digits, as a job's. */
	private static final Pattern USE_ID = Pattern.compile("[1-9][0-9]{0,17}");

	private final LinkService service;

	private final ClientAddress clientAddress;

	ReleasePageController(LinkService service, ClientAddress clientAddress) {
		this.service = service;
		this.clientAddress = clientAddress;
	}

	@GetMapping(PATH + "{token}")
	String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return view(service.visit(token, clientAddress.of(request)), token, response, model);
	}

	@PostMapping(PATH + "{token}")
	String release(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Visit visit = service.release(token, clientAddress.of(request));
		if (visit.kind() == Visit.Kind.RELEASING) {
			return "redirect:" + PATH + token + "/uses/" + visit.useId();
		}
		return view(visit, token, response, model);
	}

	@GetMapping(PATH + "{token}/uses/{useId}")
	String result(@PathVariable String token, @PathVariable String useId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		long use = USE_ID.matcher(useId).matches() ? Long.parseLong(useId) : 0;
		return view(service.result(token, clientAddress.of(request), use), token, response, model);
	}

	private static String view(Visit visit, String token, HttpServletResponse response, Model model) {
		response.setStatus(status(visit.kind()).value());
		if (visit.kind() == Visit.Kind.THROTTLED) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(visit.retryAfterSeconds()));
		}
		model.addAttribute("visit", visit);
		model.addAttribute("action", visit.offersRelease() ? PATH + token : null);
		return VIEW;
	}

	private static HttpStatus status(Visit.Kind kind) {
		return switch (kind) {
			case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
			case UNKNOWN -> HttpStatus.NOT_FOUND;
			case USED_UP, EXPIRED, REVOKED -> HttpStatus.GONE;
			case FAIL2BAN_SILENT -> HttpStatus.SERVICE_UNAVAILABLE;
			case OPEN, RELEASING, RESULT -> HttpStatus.OK;
		};
	}

}
