package org.unbanpanel.unblock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unbanpanel.system.ClientAddress;

/** System → Unblock Access. */
@Controller
class UnblockController {

	static final String VIEW = "unblock/form";

	private final UnblockService service;

	private final UnblockValidator validator;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	UnblockController(UnblockService service, UnblockValidator validator, ClientAddress clientAddress,
			MessageSource messages) {
		this.service = service;
		this.validator = validator;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@ModelAttribute("clientAddress")
	String clientAddress(HttpServletRequest request) {
		return clientAddress.of(request);
	}

	@GetMapping("/system/unblock")
	String form(Model model) {
		model.addAttribute("unblockForm", UnblockForm.empty());
		return VIEW;
	}

	@PostMapping("/system/unblock")
	String submit(@Valid UnblockForm unblockForm, BindingResult result, Authentication user,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		UnblockValidator.Result checked = validator.validate(unblockForm.ipValues(), unblockForm.accountValues());
		checked.rejections().forEach(rejection -> reject(result, rejection));
		if (result.hasErrors()) {
			return VIEW;
		}
		UnblockRequest unblock = checked.request();
		long jobId = service.submit(unblock, user.getName(), clientAddress.of(request));
		redirect.addFlashAttribute("message", messages.getMessage("unblock.queued",
				new Object[] { jobId, unblock.addresses().size() + unblock.accounts().size() },
				LocaleContextHolder.getLocale()));
		return "redirect:/jobs/" + jobId;
	}

	private static void reject(BindingResult result, UnblockValidator.Rejection rejection) {
		Object[] arguments = { rejection.value() };
		if (rejection.field() == null) {
			result.reject(rejection.code(), arguments, null);
		}
		else {
			result.rejectValue(rejection.field(), rejection.code(), arguments, null);
		}
	}

}
