package org.unbanpanel.evidence;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Fail2banException;

/**
 * {@code /evidence?jail=&ip=}: why an address is (or was last) banned in a jail, with its ban history; reached from
 * a jail's page, on demand, for one ban at a time.
 */
@Controller
class EvidenceController {

	static final String VIEW = "evidence/evidence";

	private final EvidenceService evidence;

	EvidenceController(EvidenceService evidence) {
		this.evidence = evidence;
	}

	@GetMapping("/evidence")
	String evidence(@RequestParam(defaultValue = "") String jail, @RequestParam(defaultValue = "") String ip,
			Model model) {
		model.addAttribute("jail", jail);
		model.addAttribute("ip", ip);
		try {
			var address = BannedAddress.parse(ip);
			Optional<Evidence> found = evidence.forLatestBan(jail, address);
			found.ifPresent(ban -> model.addAttribute("evidence", ban));
			model.addAttribute("history", evidence.history(address));
		}
		catch (InvalidValueException ex) {
			model.addAttribute("refusedCode", ex.code());
			model.addAttribute("refusedValue", InvalidValueException.printable(ex.value()));
		}
		catch (Fail2banException ex) {
			model.addAttribute("problem", ex.explanation());
		}
		return VIEW;
	}

}
