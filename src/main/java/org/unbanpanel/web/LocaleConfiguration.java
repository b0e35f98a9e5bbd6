package org.unbanpanel.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of every page and API answer: English, Spanish or Catalan. A choice made from the footer's links
 * ({@code ?lang=ca}) is remembered in a cookie; without one, the best match of {@code Accept-Language}; English when
 * nothing matches. Any other language asked for is ignored, so the page's {@code lang} never claims one it does not
 * speak.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
			Locale.forLanguageTag("ca"));

	static final String COOKIE = "panel-language";

	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		return new PanelLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/** The supported language a request asks for, or English. */
	static Locale bestMatch(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
			return (match != null) ? match : Locale.ENGLISH;
		}
		catch (IllegalArgumentException ex) {
			return Locale.ENGLISH;
		}
	}

	private static Locale supported(Locale locale) {
		return (locale == null) ? null
				: LANGUAGES.stream().filter(language -> language.getLanguage().equals(locale.getLanguage()))
					.findFirst()
					.orElse(null);
	}

	/** The cookie's language when it is one of ours, else {@link #bestMatch}; only ours are ever stored. */
	private static final class PanelLocaleResolver extends CookieLocaleResolver {

		PanelLocaleResolver() {
			super(COOKIE);
			setCookieMaxAge(Duration.ofDays(365));
			setCookieSameSite("Lax");
			setDefaultLocaleFunction(LocaleConfiguration::bestMatch);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale chosen = supported(super.resolveLocale(request));
			return (chosen != null) ? chosen : bestMatch(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = supported(locale);
			if (chosen != null) {
				super.setLocale(request, response, chosen);
			}
		}

	}

}
