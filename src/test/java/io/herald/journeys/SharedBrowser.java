package io.herald.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright driver and one Chromium for the whole test JVM: starting them takes a
 * second or two, while a fresh browser context per journey takes milliseconds.
 */
final class SharedBrowser implements AutoCloseable {

	private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

	// --no-sandbox because build machines run as root; the rest keeps Chromium off the
	// network and away from a small /dev/shm.
	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage");

	private final Playwright playwright;

	private final Browser browser;

	private SharedBrowser(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	static SharedBrowser launch() {
		Optional<Path> chromium = systemChromium();
		Playwright.CreateOptions createOptions = new Playwright.CreateOptions();
		// Without this Playwright tries to download its own browsers on start, which
		// fails
		// where only package registries are reachable.
		chromium.ifPresent((path) -> createOptions.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Playwright playwright = Playwright.create(createOptions);
		try {
			BrowserType.LaunchOptions launchOptions = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
			chromium.ifPresent(launchOptions::setExecutablePath);
			return new SharedBrowser(playwright, playwright.chromium().launch(launchOptions));
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	/**
	 * {@code HERALD_CHROMIUM} if set, else Debian's Chromium if installed; empty means
	 * Playwright's own browser (a developer laptop).
	 */
	private static Optional<Path> systemChromium() {
		String configured = System.getenv("HERALD_CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured));
		}
		return Files.isExecutable(DEBIAN_CHROMIUM) ? Optional.of(DEBIAN_CHROMIUM) : Optional.empty();
	}

	Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.playwright.close();
	}

}
