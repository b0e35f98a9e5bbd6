package org.unbanpanel.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.unbanpanel.trust.TrustService;

/** The gauge {@value #CURRENT} ({@code panel_trusts_current}): the trusts held now, read at each scrape. */
@Component
class TrustMetrics {

	static final String CURRENT = "panel.trusts.current";

	TrustMetrics(MeterRegistry registry, TrustService trusts) {
		Gauge.builder(CURRENT, trusts, TrustService::count)
			.description("Trusts current: addresses kept in fail2ban's ignore lists by this panel")
			.register(registry);
	}

}
