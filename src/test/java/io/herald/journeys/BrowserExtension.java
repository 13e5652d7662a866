package io.herald.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each test a fresh {@link Page} in its own browser context, so no cookie or
 * session leaks from one journey into the next, all in the one Chromium of this JVM. When
 * a test fails, keeps a full-page screenshot of what the browser showed in
 * {@code target/journey-screenshots}.
 */
final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

	static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

	// Playwright's own five seconds is shorter than a loaded CI machine's first render
	// of a heavy page; a waiting assertion still passes the moment its condition holds.
	private static final double WAIT_MS = 30_000;

	static {
		PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// The root store closes its values when the whole run ends: that shuts the
		// browser down.
		Browser browser = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedBrowser.class, (key) -> SharedBrowser.launch(), SharedBrowser.class)
			.browser();
		BrowserContext browserContext = browser
			.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl(context)).setLocale("en-GB"));
		// The test's own store closes both after @AfterEach.
		context.getStore(NAMESPACE).put(BrowserContext.class, browserContext);
		browserContext.setDefaultTimeout(WAIT_MS);
		context.getStore(NAMESPACE).put(Page.class, browserContext.newPage());
	}

	// The port @LocalServerPort injects, read here so that pages navigate by path alone.
	private static String baseUrl(ExtensionContext context) {
		return "http://localhost:" + SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
	}

	// Runs before @AfterEach, while the page still shows what went wrong.
	@Override
	public void afterTestExecution(ExtensionContext context) {
		Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
		if (context.getExecutionException().isEmpty() || page == null || page.isClosed()) {
			return;
		}
		Path file = SCREENSHOTS.resolve(screenshotName(context));
		try {
			Files.createDirectories(SCREENSHOTS);
			page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
			context.publishReportEntry("screenshot", file.toString());
			System.err.println("Screenshot of the failed journey: " + file.toAbsolutePath());
		}
		catch (IOException | PlaywrightException ex) {
			// The test's own failure is what matters; never hide it behind this one.
			System.err.println("Could not take a screenshot of the failed journey: " + ex.getMessage());
		}
	}

	// Invocations of a parameterized test share a method name: keep one screenshot each.
	private static String screenshotName(ExtensionContext context) {
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		Matcher invocation = INVOCATION.matcher(context.getUniqueId());
		return (invocation.find() ? name + "-" + invocation.group(1) : name) + ".png";
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Page.class;
	}

	@Override
	public Page resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(Page.class, Page.class);
	}

}
