package io.herald.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Insight as HR and communications managers use it: HR opens the overview, narrows it to
 * one department and a longer period, drills into the department, opens one of its posts'
 * tracking and downloads the department's posts as CSV, which holds exactly the rows
 * shown; a communications manager finds the demo's dormant Facilities channel flagged on
 * the channel map, with why.
 */
class InsightJourneyTests extends BrowserJourney {

	@Test
	void hrFiltersToADepartmentDrillsInOpensTrackingAndDownloadsTheRows() throws IOException {
		signIn(DemoAccount.HR);
		this.page.locator("a[data-nav=insight]").click();
		assertThat(heading()).hasText("Insight");
		assertThat(this.page.locator("[data-figure=posts]")).isVisible();
		assertThat(this.page.locator("table[data-breakdown=department] tbody tr").first()).isVisible();
		assertAccessible("/insight");

		LocalDate to = LocalDate.parse(this.page.locator("#to").inputValue());
		this.page.locator("#from").fill(to.minusDays(59).toString());
		this.page.getByLabel("Department").selectOption(new SelectOption().setLabel("Engineering"));
		this.page.locator("form[data-insight-filter] button[type=submit]").click();
		this.page.waitForURL((url) -> url.contains("department=") && url.contains("from=" + to.minusDays(59)));
		assertThat(this.page.locator("table[data-breakdown=department] tbody tr")).hasCount(1);
		assertThat(this.page.locator("table[data-breakdown=department] tbody tr")).containsText("Engineering");

		this.page.locator("table[data-breakdown=department] a").first().click();
		assertThat(heading()).hasText("Insight: Engineering");
		assertThat(this.page.locator("#from")).hasValue(to.minusDays(59).toString());
		Locator rows = this.page.locator("table[data-posts] tbody tr");
		assertThat(rows.first()).isVisible();
		assertAccessible("/insight/departments/{id}");
		List<String> shown = rows.all().stream().map((row) -> row.getAttribute("data-post-id")).toList();

		Download download = this.page.waitForDownload(() -> this.page.locator("a[data-csv=announcements]").click());
		byte[] bytes = Files.readAllBytes(download.path());
		org.assertj.core.api.Assertions.assertThat(new byte[] { bytes[0], bytes[1], bytes[2] })
			.isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
		org.assertj.core.api.Assertions.assertThat(lines.get(0)).startsWith("id,published_at,title,channel");
		org.assertj.core.api.Assertions.assertThat(
				lines.subList(1, lines.size()).stream().map((line) -> line.substring(0, line.indexOf(','))).toList())
			.containsExactlyElementsOf(shown);

		rows.first().locator("a[data-tracking-link]").click();
		this.page.waitForURL((url) -> url.matches(".*/manage/announcements/\\d+/tracking$"));
		assertThat(this.page.locator("[data-figure=recipients]")).isVisible();
	}

	@Test
	void aCommsManagerFindsTheDormantChannelFlaggedWithWhy() {
		signIn(DemoAccount.COMMS_MANAGER);
		this.page.locator("a[data-nav=insight]").click();
		this.page.locator("a[data-tab=channels]").click();
		assertThat(heading()).hasText("Channel map");
		Locator facilities = this.page.locator("tr[data-channel=facilities]");
		assertThat(facilities.locator("[data-flag=dormant]")).containsText("Dormant");
		assertThat(facilities.locator("[data-flag=dormant]")).containsText("No post for 75 days");
		assertThat(this.page.locator("tr[data-channel=company] [data-flag=dormant]")).hasCount(0);
		assertAccessible("/insight/channels");
	}

}
