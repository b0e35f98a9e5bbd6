package org.unbanpanel.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PanelTimeTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final PanelTime madrid = times(ZoneId.of("Europe/Madrid"));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void showsTimesInThePanelsZoneAndNamesIt() {
		assertThat(madrid.at(Instant.parse("2026-11-25T18:19:00Z"))).isEqualTo("2026-11-25 19:19 CET");
		assertThat(madrid.atSeconds(Instant.parse("2026-07-01T00:00:05Z"))).isEqualTo("2026-07-01 02:00:05 CEST");
		assertThat(madrid.iso(Instant.parse("2026-11-25T18:19:00Z"))).isEqualTo("2026-11-25T19:19+01:00");
		assertThat(madrid.at(null)).isEmpty();
	}

	@Test
	void readsTheToolsTimesWithoutZoneAsTheServersLocalTime() {
		LocalDateTime serverLocal = LocalDateTime.ofInstant(NOW, ZoneId.systemDefault());

		assertThat(madrid.at(serverLocal)).isEqualTo("2026-11-25 11:00 CET");
	}

	@Test
	void saysHowFarOffATimeIsInTheReadersLanguage() {
		assertThat(madrid.relative(NOW.plusSeconds(11 * 3600 + 120))).isEqualTo("in 11 h 2 min");
		assertThat(madrid.relative(NOW.minusSeconds(180))).isEqualTo("3 min ago");
		assertThat(madrid.relative(NOW)).isEqualTo("now");
		LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
		assertThat(madrid.relative(NOW.plusSeconds(11 * 3600))).isEqualTo("dentro de 11 h");
		LocaleContextHolder.setLocale(Locale.forLanguageTag("ca"));
		assertThat(madrid.relative(NOW.minusSeconds(2 * 86_400 + 4 * 3600))).isEqualTo("fa 2 d 4 h");
		assertThat(madrid.relative(NOW.plusSeconds(60))).isEqualTo("d'aquí a 1 min");
	}

	@Test
	void cutsADurationToItsTwoLargestUnits() {
		assertThat(madrid.duration(43_200)).isEqualTo("12 h");
		assertThat(madrid.duration(3 * 3600 + 12 * 60 + 59)).isEqualTo("3 h 12 min");
		assertThat(madrid.duration(2 * 86_400 + 4 * 3600 + 5)).isEqualTo("2 d 4 h");
		assertThat(madrid.duration(45)).isEqualTo("45 s");
		assertThat(madrid.duration(-5)).isEqualTo("0 s");
	}

	@Test
	void countsAuditDaysInThePanelsZone() {
		assertThat(madrid.startOf(LocalDate.parse("2026-11-25"))).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
	}

	@Test
	void takesTheSystemsZoneUnlessOneIsConfigured() {
		assertThat(new PanelProperties(Path.of("."), List.of(), null, null).zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(new PanelProperties(Path.of("."), List.of(), ZoneOffset.UTC, null).zone()).isEqualTo(ZoneOffset.UTC);
	}

	private static PanelTime times(ZoneId zone) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("clock", Clock.fixed(NOW, ZoneOffset.UTC));
		return new PanelTime(new PanelProperties(Path.of("."), List.of(), zone, null),
				beans.getBeanProvider(Clock.class), messages);
	}

}
