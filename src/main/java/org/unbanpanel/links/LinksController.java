package org.unbanpanel.links;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.JailName;
import org.unbanpanel.core.TrustPeriod;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.QrCode;

/**
 * The release links ({@code /links}): the list with their uses, the form that makes one (admins), one link's page with
 * its uses, and, right after making it, its URL and QR code (the token is stored only as a hash, so this is the only
 * time it can be shown), and Revoke (admins).
 */
@Controller
class LinksController {

	static final String LIST = "links/list";

	static final String FORM = "links/form";

	static final String LINK = "links/link";

	private final LinkService service;

	private final LinksProperties properties;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	private final Clock clock;

	LinksController(LinkService service, LinksProperties properties, ClientAddress clientAddress,
			MessageSource messages, Clock clock) {
		this.service = service;
		this.properties = properties;
		this.clientAddress = clientAddress;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/links")
	String list(Model model) {
		model.addAttribute("links", service.recent());
		model.addAttribute("now", clock.instant());
		return LIST;
	}

	@GetMapping("/links/new")
	String form(Model model) {
		model.addAttribute("linkForm", LinkForm.proposed(properties));
		return formView(model);
	}

	@PostMapping("/links")
	String create(@Valid LinkForm linkForm, BindingResult result, Authentication user, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		requireNumber(result, "hours", linkForm.hours());
		requireNumber(result, "uses", linkForm.uses());
		linkForm.chosenJails().forEach(jail -> check(result, "jails", () -> JailName.parse(jail)));
		Duration trust = check(result, "trust", linkForm::trustFor);
		if (result.hasErrors()) {
			return formView(model);
		}
		NewLink link = new NewLink(linkForm.noteText(), linkForm.chosenJails(), linkForm.protectedIncluded(),
				trust, Duration.ofHours(linkForm.hours()), linkForm.uses());
		LinkService.Created created = service.create(link, user.getName(), clientAddress.of(request));
		String url = url(request, created.token());
		redirect.addFlashAttribute("url", url);
		redirect.addFlashAttribute("qrCode", QrCode.svgDataUri(url));
		redirect.addFlashAttribute("message", text("links.made", created.id()));
		return "redirect:/links/" + created.id();
	}

	@GetMapping("/links/{id}")
	String link(@PathVariable long id, Model model) {
		ReleaseLink link = service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("link", link);
		model.addAttribute("uses", service.uses(id));
		model.addAttribute("now", clock.instant());
		model.addAttribute("protectedJails", properties.protectedJails());
		return LINK;
	}

	@PostMapping("/links/{id}/revoke")
	String revoke(@PathVariable long id, Authentication user, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean revoked = service.revoke(id, user.getName(), clientAddress.of(request));
		redirect.addFlashAttribute("message", text(revoked ? "links.revoked" : "links.revokedAlready", id));
		return "redirect:/links/" + id;
	}

	private String formView(Model model) {
		LinkService.Jails jails = service.jails();
		model.addAttribute("jails", jails.names());
		model.addAttribute("jailsUnanswered", jails.unanswered());
		model.addAttribute("trustPeriods", TrustPeriod.values());
		model.addAttribute("protectedJails", properties.protectedJails());
		return FORM;
	}

	/** The link's URL: under panel.links.base-url, or else the address the admin's browser reached the panel at. */
	private String url(HttpServletRequest request, String token) {
		URI base = properties.baseUrl();
		String root = (base != null) ? base.toString().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return root + ReleasePageController.PATH + token;
	}

	private static void requireNumber(BindingResult result, String field, Integer value) {
		if (value == null && !result.hasFieldErrors(field)) {
			result.rejectValue(field, "typeMismatch");
		}
	}

	private static <T> T check(BindingResult result, String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			result.rejectValue(field, ex.code(), new Object[] { InvalidValueException.printable(ex.value()) }, null);
			return null;
		}
	}

	private String text(String code, Object argument) {
		return messages.getMessage(code, new Object[] { argument }, LocaleContextHolder.getLocale());
	}

}
