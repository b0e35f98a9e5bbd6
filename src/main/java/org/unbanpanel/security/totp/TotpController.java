package org.unbanpanel.security.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.security.lockout.SignInEvents;

/**
 * The second step of signing in ({@code /login/totp}) and the user's own TOTP enrolment ({@code /account/totp}):
 * a new secret is shown as a QR code and as text, and becomes active only once a code from the app confirms it.
 */
@Controller
class TotpController {

	static final String ISSUER = "Unban Panel";

	static final String NEW_SECRET = TotpController.class.getName() + ".NEW_SECRET";

	private final SecondFactor secondFactor;

	private final SecondStep secondStep;

	private final TotpEnrolments enrolments;

	private final TotpProperties properties;

	private final MessageSource messages;

	private final SignInEvents signIns;

	TotpController(SecondFactor secondFactor, SecondStep secondStep, TotpEnrolments enrolments,
			TotpProperties properties, MessageSource messages, SignInEvents signIns) {
		this.secondFactor = secondFactor;
		this.secondStep = secondStep;
		this.enrolments = enrolments;
		this.properties = properties;
		this.messages = messages;
		this.signIns = signIns;
	}

	@GetMapping("/login/totp")
	String codePage(HttpServletRequest request, Model model) {
		Optional<SecondStep.Pending> pending = secondStep.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		return secondStepView(request, pending.get(), model);
	}

	@PostMapping("/login/totp")
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<SecondStep.Pending> waiting = secondStep.pending(request);
		if (waiting.isEmpty()) {
			return "redirect:/login";
		}
		SecondStep.Pending pending = waiting.get();
		String username = pending.user().getName();
		if (signIns.refused(request, username)) {
			secondStep.forget(request);
			return "redirect:/login?throttled";
		}
		boolean right = pending.newSecret() == null ? secondFactor.verify(username, code)
				: secondFactor.enrol(username, pending.newSecret(), code);
		if (right) {
			signIns.rightCode(username);
			secondStep.complete(request, response, pending);
			return "redirect:/";
		}
		signIns.wrongCode(request, username);
		if (pending.wrongCodes() + 1 >= SecondStep.MAX_TRIES) {
			secondStep.forget(request);
			return "redirect:/login?codeTries";
		}
		SecondStep.Pending oneMoreWrong = pending.withWrongCode();
		secondStep.update(request, oneMoreWrong);
		model.addAttribute("wrongCode", true);
		return secondStepView(request, oneMoreWrong, model);
	}

	@GetMapping("/account/totp")
	String account(Authentication user, HttpSession session, Model model) {
		if (secondFactor.enrolled(user.getName())) {
			model.addAttribute("removable", !secondFactor.mustEnrolWithout(user));
			return "security/totp-enrolled";
		}
		byte[] secret = session.getAttribute(NEW_SECRET) instanceof byte[] kept ? kept : Totp.newSecret();
		session.setAttribute(NEW_SECRET, secret);
		return setupView(user.getName(), secret, "/account/totp", model);
	}

	@PostMapping("/account/totp")
	String confirm(@RequestParam(defaultValue = "") String code, Authentication user, HttpSession session,
			Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(NEW_SECRET) instanceof byte[] secret)) {
			return "redirect:/account/totp";
		}
		if (!secondFactor.enrol(user.getName(), secret, code)) {
			model.addAttribute("wrongCode", true);
			return setupView(user.getName(), secret, "/account/totp", model);
		}
		session.removeAttribute(NEW_SECRET);
		redirect.addFlashAttribute("message", text("totp.enrolled"));
		return "redirect:/account/totp";
	}

	@PostMapping("/account/totp/remove")
	String remove(@RequestParam(defaultValue = "") String code, Authentication user, RedirectAttributes redirect) {
		if (secondFactor.mustEnrolWithout(user)) {
			redirect.addFlashAttribute("message", text("totp.required"));
		}
		else if (secondFactor.verify(user.getName(), code)) {
			enrolments.remove(user.getName());
			redirect.addFlashAttribute("message", text("totp.removed"));
		}
		else {
			redirect.addFlashAttribute("message", text("totp.wrongCode"));
		}
		return "redirect:/account/totp";
	}

	private String secondStepView(HttpServletRequest request, SecondStep.Pending pending, Model model) {
		if (secondFactor.enrolled(pending.user().getName())) {
			return "security/totp-code";
		}
		SecondStep.Pending enrolling = pending.newSecret() != null ? pending : pending.withNewSecret(Totp.newSecret());
		secondStep.update(request, enrolling);
		model.addAttribute("mustEnrol", true);
		return setupView(pending.user().getName(), enrolling.newSecret(), "/login/totp", model);
	}

	private String setupView(String username, byte[] secret, String action, Model model) {
		String base32 = Base32.encode(secret);
		String uri = "otpauth://totp/" + encode(ISSUER + ":" + username) + "?secret=" + base32 + "&issuer="
				+ encode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		model.addAttribute("qrCode", QrCode.svgDataUri(uri));
		model.addAttribute("secret", base32.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("action", action);
		model.addAttribute("requireTotp", properties.requireTotp());
		return "security/totp-setup";
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
