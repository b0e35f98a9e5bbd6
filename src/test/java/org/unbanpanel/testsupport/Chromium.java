package org.unbanpanel.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser or driver), on the
 * panel of a {@link PanelOnRealTools} class: one per test class ({@link WithChromium}), reused by its tests. Pages are looked at at desktop
 * width or as a 390×844 phone; screenshots go to {@code target/screenshots/}; {@link #accessibilityViolations()}
 * runs axe-core on the page.
 */
public final class Chromium implements AutoCloseable {

	public static final String BROWSER = "/usr/bin/chromium";

	public static final String DRIVER = "/usr/bin/chromedriver";

	/** The phone of the issue: 390×844 CSS pixels. */
	public static final int PHONE_WIDTH = 390;

	public static final int PHONE_HEIGHT = 844;

	public static final int DESKTOP_WIDTH = 1200;

	public static final int DESKTOP_HEIGHT = 900;

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** axe-core's rules for WCAG 2.1 levels A and AA. */
	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String OVERFLOWING = readScript("overflowing.js");

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	private Chromium(ChromeDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
	}

	/** A new browser on the panel the tools run; skipped without chromium (failed under CI). */
	public static Chromium on(RealTools tools) {
		SystemTools.requireProgram(BROWSER, "chromium");
		SystemTools.requireProgram(DRIVER, "chromium-driver");
		try {
			Path profile = Files.createTempDirectory("chromium-profile");
			ChromeOptions options = new ChromeOptions().setBinary(BROWSER)
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US",
						"--user-data-dir=" + profile,
						"--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			String base = tools.uri("").toString();
			return new Chromium(driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens a page of the panel, such as {@code /jails}. */
	public Chromium open(String path) {
		driver.get(base + path);
		return this;
	}

	/** The path and query the browser shows, without scheme and host. */
	public String path() {
		return URI.create(driver.getCurrentUrl()).getRawPath()
				+ (URI.create(driver.getCurrentUrl()).getRawQuery() == null ? ""
						: "?" + URI.create(driver.getCurrentUrl()).getRawQuery());
	}

	/** Types into the sign-in form that the browser shows now, and sends it. */
	public void signIn(String user, String password) {
		field("username").sendKeys(user);
		field("password").sendKeys(password);
		follow("form[action='/login'] button[type='submit']");
	}

	public WebElement field(String id) {
		return driver.findElement(By.id(id));
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** The text of the page's main part. */
	public String text() {
		return find("main").getText();
	}

	/** Clicks a link or button that loads a page, and waits until the new page is there. */
	public Chromium follow(WebElement element) {
		WebElement page = find("html");
		element.click();
		await(browser -> gone(page));
		await(browser -> "complete".equals(script("return document.readyState")));
		return this;
	}

	/**
	 * Whether the element's page was replaced. Selenium's {@code stalenessOf} expects a stale element to throw
	 * {@link StaleElementReferenceException}; while the new page is being put in place Chromium answers some
	 * questions about the old one with "Node with given id does not belong to the document" instead, which is as stale.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** {@link #follow} the element a CSS selector finds. */
	public Chromium follow(String css) {
		return follow(find(css));
	}

	/** Waits (30 s at most) until the condition holds on the page as it is then, also across page reloads. */
	public <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** The page at desktop width, as a desktop browser shows it. */
	public Chromium desktop() {
		return viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
	}

	/** The page on a 390×844 phone: its viewport, its touch screen, its reading of the viewport meta tag. */
	public Chromium phone() {
		return viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
	}

	private Chromium viewport(int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
		driver.navigate().refresh();
		return this;
	}

	public long viewportWidth() {
		return ((Number) script("return document.documentElement.clientWidth")).longValue();
	}

	/**
	 * What on the page does not fit the viewport: the page body scrolling sideways, an element reaching out of the
	 * viewport, a table cell whose content is wider than the cell (it runs into the next one), or two cells of one
	 * row that overlap. Empty when the page fits.
	 */
	@SuppressWarnings("unchecked")
	public List<String> overflowing() {
		return (List<String>) script(OVERFLOWING);
	}

	/** axe-core's serious and critical violations of WCAG 2.1 A and AA on the page, one line each. */
	public List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
		if (results.isErrored() || results.getPasses().isEmpty()) {
			throw new IllegalStateException("axe-core did not check the page: " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Chromium::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png}; returns the file. */
	public Path screenshot(String name) {
		try {
			Path png = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
			return png;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a profile left in /tmp is harmless
		}
	}

	private static String readScript(String name) {
		try (var in = Chromium.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
