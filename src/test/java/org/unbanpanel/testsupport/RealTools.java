package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * The real tools one test class runs on ({@link WithRealTools}), and the panel on them ({@link PanelOnRealTools}).
 */
public final class RealTools {

	/** The panel's own jail, as shipped in {@code config/fail2ban/}. */
	public static final String PANEL_JAIL = "unban-panel";

	private final Fail2banServer fail2ban;

	private final PamLockout pam;

	private final Path authLog;

	private final Path journal;

	private volatile int port;

	RealTools(Fail2banServer fail2ban, PamLockout pam, Path authLog, Path journal) {
		this.fail2ban = fail2ban;
		this.pam = pam;
		this.authLog = authLog;
		this.journal = journal;
	}

	public Fail2banServer fail2ban() {
		if (fail2ban == null) {
			throw new IllegalStateException("No fail2ban-server: this class asked for none");
		}
		return fail2ban;
	}

	public PamLockout pam() {
		if (pam == null) {
			throw new IllegalStateException("No PAM lockout: ask for it with pam = true");
		}
		return pam;
	}

	/** A new browser session on the panel ({@link PanelOnRealTools}). */
	public PanelBrowser browser() {
		if (port == 0) {
			throw new IllegalStateException("No panel runs on these tools: use @PanelOnRealTools");
		}
		return new PanelBrowser(port);
	}

	/** The panel's JSON API as {@code user} calls it, with {@link TestPanel#PASSWORD}. */
	public PanelApi api(String user) {
		browser();
		return new PanelApi(port, user, TestPanel.PASSWORD);
	}

	/** The address of a page or API call of the panel, for a request without a browser session. */
	public URI uri(String path) {
		browser();
		return URI.create("http://localhost:" + port + path);
	}

	/** The auth log the {@link #PANEL_JAIL} reads, and the panel writes its failed sign-ins to. */
	public Path authLog() {
		if (authLog == null) {
			throw new IllegalStateException("No panel jail: ask for it with fail2ban = PANEL_JAIL");
		}
		return authLog;
	}

	public List<String> authLogLines() {
		try {
			return Files.readAllLines(authLog());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder of journal files the ssh-ddos jail reads ({@code DEBIAN_FILTERS}); write them with {@link JournalFile}. */
	public Path journal() {
		if (journal == null) {
			throw new IllegalStateException("No journal folder: ask for it with fail2ban = DEBIAN_FILTERS");
		}
		return journal;
	}

	void removeJournal() {
		if (journal != null) {
			FileSystemUtils.deleteRecursively(journal.toFile());
		}
	}

	Path pamTallyDir() {
		return pam().tallyDir();
	}

	boolean hasFail2ban() {
		return fail2ban != null;
	}

	boolean hasPam() {
		return pam != null;
	}

	void panelPort(int port) {
		this.port = port;
	}

}
