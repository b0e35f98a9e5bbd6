package org.unbanpanel.web;

import java.util.Collection;

import org.springframework.validation.Errors;
import org.unbanpanel.core.Rejection;

/** Rejections as a form's errors, so that the page names each value next to its field. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(Errors errors, Collection<Rejection> rejections) {
		rejections.forEach(rejection -> reject(errors, rejection));
	}

	private static void reject(Errors errors, Rejection rejection) {
		Object[] arguments = { rejection.value() };
		if (rejection.field() == null) {
			errors.reject(rejection.code(), arguments, null);
		}
		else {
			errors.rejectValue(rejection.field(), rejection.code(), arguments, null);
		}
	}

}
