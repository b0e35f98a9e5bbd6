package org.unbanpanel.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.links.ReleaseLinkUsed;
import org.unbanpanel.watch.BannedAgain;
import org.unbanpanel.web.PanelProperties;

/**
 * What the other modules tell that deserves a notice: one listener method each, naming its kind and its values in the
 * order of the message {@code notice.kind.<kind>}. A link to a page is absolute under {@code panel.base-url}, a path
 * without it.
 */
@Component
class NoticeTriggers {

	private final Notices notices;

	private final PanelProperties panel;

	NoticeTriggers(Notices notices, PanelProperties panel) {
		this.notices = notices;
		this.panel = panel;
	}

	/**
	 * A released address banned again: {@code banned-again} on the machine the panel runs on, whose logs the evidence
	 * page reads; {@code banned-again-on-host}, naming the host and with no evidence, on another host.
	 */
	@ApplicationModuleListener
	void bannedAgain(BannedAgain event) {
		Reban reban = event.reban();
		notices.add(reban.local() ? "banned-again" : "banned-again-on-host", values("address", reban.address(), "jail", reban.jail(), "minutesAfterRelease",
				reban.minutesAfterRelease(), "jobId", reban.jobId(), "releasedAt", reban.releasedAt().toString(),
				"bannedAt", reban.bannedAt().toString(), "evidence",
				reban.local() ? panel.link("/evidence?jail=" + reban.jail() + "&ip=" + reban.address()) : "", "host",
				reban.host().value()));
	}

	/** A job that ended failed: every value it had left failed. */
	@ApplicationModuleListener
	void jobSettled(JobSettled job) {
		if (job.state() != JobState.FAILED) {
			return;
		}
		List<JobSettled.SettledItem> failed = job.items()
			.stream()
			.filter(item -> item.errorCode() != null)
			.toList();
		String error = failed.stream()
			.map(item -> Objects.requireNonNullElse(item.errorMessage(), item.errorCode()))
			.findFirst()
			.orElse("");
		notices.add("job-failed", values("jobId", job.jobId(), "failedValues", failed.size(), "error", error,
				"submittedBy", job.submittedBy()));
	}

	/** A visitor released their own address through a release link (the job doing it is queued). */
	@ApplicationModuleListener
	void releaseLinkUsed(ReleaseLinkUsed use) {
		notices.add("release-link-used", values("linkId", use.linkId(), "note", Objects.requireNonNullElse(use.note(), ""),
				"address", use.visitor().value(), "jobId", use.jobId(), "at", use.at().toString()));
	}

	/** Names and values, in their order. */
	static Map<String, Object> values(Object... namesAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return values;
	}

}
