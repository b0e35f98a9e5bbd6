package org.unbanpanel.notify;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /notices}: the latest notices, each with its destination, its attempts and what came of them. */
@Controller
class NoticesController {

	static final int LATEST = 100;

	private final NoticeRepository notices;

	private final Notices destinations;

	NoticesController(NoticeRepository notices, Notices destinations) {
		this.notices = notices;
		this.destinations = destinations;
	}

	@GetMapping("/notices")
	String list(Model model) {
		model.addAttribute("notices", notices.latest(LATEST));
		model.addAttribute("destinations", destinations.destinations().size());
		return "notify/list";
	}

}
