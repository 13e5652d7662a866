package io.herald.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Insight as HR and communications managers use it: HR opens the overview, narrows it to
 * one department and a longer period, drills into the department, opens one of its posts'
 * tracking and downloads the department's posts as CSV, which holds exactly the rows
 * shown; HR reads the heat map in its colours, one number per tile with how it moved, and
 * sees the week not over yet marked; a communications manager finds the demo's dormant
 * Facilities channel flagged on the channel map, with why.
 */
class InsightJourneyTests extends BrowserJourney {

	// Each band's tint (as the cell's inset box-shadow paints it) and text colour.
	private static final Map<String, String[]> HEAT = Map.of("0",
			new String[] { "rgb(248, 215, 218)", "rgb(88, 21, 28)" }, "1",
			new String[] { "rgb(253, 229, 204)", "rgb(92, 50, 0)" }, "2",
			new String[] { "rgb(255, 243, 205)", "rgb(82, 62, 2)" }, "3",
			new String[] { "rgb(226, 240, 217)", "rgb(30, 61, 18)" }, "4",
			new String[] { "rgb(209, 231, 221)", "rgb(10, 54, 34)" });

	private static final Pattern FIGURE = Pattern.compile("^(\\d[\\d,]*|\\d+\\.\\d %|—|fewer than \\d+)$");

	private static final Pattern CHANGE = Pattern.compile(
			"^\\s*((▲|▼|▶)\\s+[\\d,.]+ (pts )?vs previous period\\s+.*|nothing to compare with\\s*)$", Pattern.DOTALL);

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
		this.page.getByLabel("Department", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Engineering"));
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
		// The demo's Facilities post went out at a set hour some days ago: how many whole
		// days that is depends on the time of day, so the words are checked against the
		// post's own time, before and after the page was made.
		Instant lastPost = this.jdbc
			.queryForObject("select max(a.published_at) from announcements a "
					+ "join channels c on c.id = a.channel_id where c.slug = 'facilities' "
					+ "and a.status in ('PUBLISHED', 'ARCHIVED')", Timestamp.class)
			.toInstant();
		long daysBefore = Duration.between(lastPost, Instant.now()).toDays();
		signIn(DemoAccount.COMMS_MANAGER);
		this.page.locator("a[data-nav=insight]").click();
		this.page.locator("a[data-tab=channels]").click();
		assertThat(heading()).hasText("Channel map");
		Locator dormant = this.page.locator("tr[data-channel=facilities] [data-flag=dormant]");
		assertThat(dormant).containsText("Dormant");
		long daysAfter = Duration.between(lastPost, Instant.now()).toDays();
		org.assertj.core.api.Assertions.assertThat(dormant.textContent())
			.containsAnyOf("No post for " + daysBefore + " days", "No post for " + daysAfter + " days");
		org.assertj.core.api.Assertions.assertThat(daysBefore).isGreaterThanOrEqualTo(60);
		assertThat(this.page.locator("tr[data-channel=company] [data-flag=dormant]")).hasCount(0);
		assertAccessible("/insight/channels");
	}

	@Test
	void hrSeesTheHeatMapTheTilesAndTheWeekNotOverYet() {
		signIn(DemoAccount.HR);
		open("/insight");
		assertThat(heading()).hasText("Insight");
		// Each banded cell shows its band's colour, not the table's white.
		Locator banded = this.page.locator("table[data-breakdown] td[class*=herald-heat-]");
		assertThat(banded.first()).isVisible();
		org.assertj.core.api.Assertions.assertThat(banded.count()).isPositive();
		for (Locator cell : banded.all()) {
			String band = cell.getAttribute("class").replaceAll(".*herald-heat-(\\d).*", "$1");
			String painted = (String) cell.evaluate("(cell) => { const style = getComputedStyle(cell); "
					+ "return style.boxShadow + ' | ' + style.color; }");
			org.assertj.core.api.Assertions.assertThat(painted)
				.as("band %s", band)
				.startsWith(HEAT.get(band)[0])
				.endsWith(HEAT.get(band)[1]);
		}
		// One number per tile, and one line against the period before.
		for (String figure : List.of("posts", "recipients", "readRate", "ackRate", "onTimeRate", "overdue")) {
			assertThat(this.page.locator("[data-figure=" + figure + "]")).hasText(FIGURE);
			assertThat(this.page.locator("[data-change=" + figure + "]")).hasText(CHANGE);
		}
		assertThat(this.page.locator("[data-change=readRate] .visually-hidden"))
			.hasText(Pattern.compile("(Up|Down) [0-9.]+ percentage points from [0-9.]+ % in the previous period\\.|"
					+ "The same as the [0-9.]+ % of the previous period\\."));
		// The last week of the trend is this one, and says it is not over.
		this.page.locator("details:has(table[data-trend-table]) summary").click();
		Locator weeks = this.page.locator("table[data-trend-table] tbody tr");
		assertThat(weeks.last()).hasAttribute("data-partial-week", "true");
		assertThat(weeks.last().locator("[data-partial]")).hasText("week not over");
		assertThat(this.page.locator("table[data-trend-table] tr[data-partial-week=true]")).hasCount(1);
		assertAccessible("/insight");
	}

}
