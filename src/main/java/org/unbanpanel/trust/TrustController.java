package org.unbanpanel.trust;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.web.ClientAddress;

/** The addresses fail2ban ignores for now, with "End now" for admins. */
@Controller
class TrustController {

	static final String VIEW = "trust/list";

	private final TrustService service;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	TrustController(TrustService service, ClientAddress clientAddress, MessageSource messages) {
		this.service = service;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@GetMapping("/trusts")
	String list(Model model) {
		model.addAttribute("trusts", service.current());
		return VIEW;
	}

	@PostMapping("/trusts/{id}/end")
	String end(@PathVariable long id, Authentication user, HttpServletRequest request, RedirectAttributes redirect) {
		String message = service.end(id, user.getName(), clientAddress.of(request))
			.map(trust -> text("trust.ended", trust.address()))
			.orElseGet(() -> text("trust.endedAlready", id));
		redirect.addFlashAttribute("message", message);
		return "redirect:/trusts";
	}

	private String text(String code, Object argument) {
		return messages.getMessage(code, new Object[] { argument }, LocaleContextHolder.getLocale());
	}

}
