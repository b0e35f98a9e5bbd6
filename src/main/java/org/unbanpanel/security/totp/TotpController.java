package org.unbanpanel.security.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.security.SecurityEvent;
import org.unbanpanel.security.lockout.SignInGuard;
import org.unbanpanel.security.lockout.TooManyAttemptsException;
import org.unbanpanel.web.QrCode;

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

	private final SignInGuard guard;

	private final UserDetailsService users;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	TotpController(SecondFactor secondFactor, SecondStep secondStep, TotpEnrolments enrolments,
			TotpProperties properties, MessageSource messages, SignInGuard guard, UserDetailsService users,
			PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.secondFactor = secondFactor;
		this.secondStep = secondStep;
		this.enrolments = enrolments;
		this.properties = properties;
		this.messages = messages;
		this.guard = guard;
		this.users = users;
		this.passwords = passwords;
		this.events = events;
	}

	@GetMapping("/login/totp")
	String codePage(HttpServletRequest request, Model model) {
		Optional<SecondStep.Pending> pending = secondStep.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		return secondStepView(request, pending.get(), model);
	}

	/**
	 * Checks the code of a pending sign-in through the {@link SignInGuard}: a wrong code counts like a wrong password,
	 * and an attempt the throttle refuses ends the pending sign-in unchecked.
	 */
	@PostMapping("/login/totp")
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<SecondStep.Pending> waiting = secondStep.pending(request);
		if (waiting.isEmpty()) {
			return "redirect:/login";
		}
		SecondStep.Pending pending = waiting.get();
		String username = pending.user().getName();
		try (SignInGuard.Attempt attempt = guard.begin(guard.source(request), username)) {
			if (pending.newSecret() == null ? secondFactor.verify(username, code)
					: secondFactor.enrol(username, pending.newSecret(), code)) {
				attempt.passed();
				if (pending.newSecret() != null) {
					publish(SecurityEvent.Kind.TOTP_ENROLLED, request, username);
				}
				secondStep.complete(request, response, pending);
				return "redirect:/";
			}
			attempt.wrongCode();
		}
		catch (TooManyAttemptsException refused) {
			secondStep.forget(request);
			return refused(refused, response, model, "security/login");
		}
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
	String confirm(@RequestParam(defaultValue = "") String code, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!(request.getSession().getAttribute(NEW_SECRET) instanceof byte[] secret)) {
			return "redirect:/account/totp";
		}
		try (SignInGuard.Attempt attempt = guard.begin(guard.source(request), user.getName())) {
			if (!secondFactor.enrol(user.getName(), secret, code)) {
				attempt.wrongCode();
				model.addAttribute("wrongCode", true);
				return setupView(user.getName(), secret, "/account/totp", model);
			}
			attempt.passed();
		}
		catch (TooManyAttemptsException refused) {
			return refused(refused, response, model, setupView(user.getName(), secret, "/account/totp", model));
		}
		request.getSession().removeAttribute(NEW_SECRET);
		publish(SecurityEvent.Kind.TOTP_ENROLLED, request, user.getName());
		redirect.addFlashAttribute("message", text("totp.enrolled"));
		return "redirect:/account/totp";
	}

	/**
	 * Turning the second factor off takes the password again and a current code, checked as one attempt through the
	 * {@link SignInGuard}: whoever holds a stolen session must not strip the second factor by guessing.
	 */
	@PostMapping("/account/totp/remove")
	String remove(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			Authentication user, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (secondFactor.mustEnrolWithout(user)) {
			redirect.addFlashAttribute("message", text("totp.required"));
			return "redirect:/account/totp";
		}
		try (SignInGuard.Attempt attempt = guard.begin(guard.source(request), user.getName())) {
			if (!passwordMatches(user.getName(), password)) {
				attempt.wrongPassword();
				redirect.addFlashAttribute("message", text("totp.wrongPassword"));
				return "redirect:/account/totp";
			}
			if (!secondFactor.verify(user.getName(), code)) {
				attempt.wrongCode();
				redirect.addFlashAttribute("message", text("totp.wrongCode"));
				return "redirect:/account/totp";
			}
			attempt.passed();
		}
		catch (TooManyAttemptsException refused) {
			model.addAttribute("removable", true);
			return refused(refused, response, model, "security/totp-enrolled");
		}
		enrolments.remove(user.getName());
		publish(SecurityEvent.Kind.TOTP_REMOVED, request, user.getName());
		redirect.addFlashAttribute("message", text("totp.removed"));
		return "redirect:/account/totp";
	}

	/** 429 with {@code Retry-After}, and the view saying how long to wait. */
	private static String refused(TooManyAttemptsException refused, HttpServletResponse response, Model model,
			String view) {
		refused.refuse(response);
		model.addAttribute("throttled", refused);
		return view;
	}

	private boolean passwordMatches(String username, String password) {
		try {
			return passwords.matches(password, users.loadUserByUsername(username).getPassword());
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

	private void publish(SecurityEvent.Kind kind, HttpServletRequest request, String username) {
		events.publishEvent(new SecurityEvent(kind, username, guard.source(request).address()));
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
