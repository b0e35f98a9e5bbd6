package org.unbanpanel.jobs;

import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How a page that queued a job answers (post/redirect/get): to the job's page, with a flash message. */
public final class JobRedirect {

	private JobRedirect() {
	}

	/**
	 * @param code the message, whose first argument is the job's id
	 * @param arguments its further arguments
	 * @return the view name that redirects to the job's page
	 */
	public static String to(long jobId, RedirectAttributes redirect, MessageSource messages, String code,
			Object... arguments) {
		Object[] all = Stream.concat(Stream.of(jobId), Stream.of(arguments)).toArray();
		redirect.addFlashAttribute("message", messages.getMessage(code, all, LocaleContextHolder.getLocale()));
		return "redirect:/jobs/" + jobId;
	}

}
