package io.herald.insight.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.herald.insight.ChannelMap;
import io.herald.insight.DepartmentInsight;
import io.herald.insight.Insight;
import io.herald.insight.InsightExports;
import io.herald.insight.InsightFilter;
import io.herald.insight.Overview;
import io.herald.insight.PostFigures;
import io.herald.insight.PostSort;
import io.herald.insight.Week;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The insight pages and their CSV exports. Every view reads its filters from the query
 * string (see {@link FilterParams}), so a URL shows the same view to whoever opens it; a
 * filter that cannot be read is said so on the page and left at its default (an export
 * answers 400 instead).
 */
@Controller
@RequestMapping("/insight")
class InsightController {

	private final Insight insight;

	private final InsightExports exports;

	InsightController(Insight insight, InsightExports exports) {
		this.insight = insight;
		this.exports = exports;
	}

	@GetMapping
	String overview(@RequestParam Map<String, String> params, Model model) {
		FilterParams parsed = filters(params, model);
		Overview overview = this.insight.overview(parsed.filter());
		model.addAttribute("overview", overview);
		model.addAttribute("options", overview.options());
		List<Week> trend = overview.trend();
		model.addAttribute("trendLabels",
				trend.stream().map((w) -> w.start().toString()).collect(Collectors.joining(",")));
		model.addAttribute("trendRead", series(trend, true));
		model.addAttribute("trendAck", series(trend, false));
		model.addAttribute("trendPartial",
				trend.stream().map((w) -> w.partial() ? "1" : "0").collect(Collectors.joining(",")));
		return "insight/overview";
	}

	@GetMapping("/departments/{id:\\d+}")
	String department(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		FilterParams parsed = filters(params, model);
		DepartmentInsight department = this.insight.department(id, parsed.filter());
		model.addAttribute("department", department);
		model.addAttribute("options", department.options());
		model.addAttribute("departmentQuery", FilterParams.query(department.filter()));
		return "insight/department";
	}

	@GetMapping("/announcements")
	String announcements(@RequestParam Map<String, String> params, Model model) {
		FilterParams parsed = filters(params, model);
		model.addAttribute("options", this.insight.options());
		PostSort sort = PostSort.parse(params.get("sort"));
		boolean descending = descending(params, sort);
		List<PostFigures> posts = this.insight.announcements(parsed.filter(), sort, descending);
		model.addAttribute("posts", posts);
		model.addAttribute("sort", sort);
		model.addAttribute("descending", descending);
		model.addAttribute("sorts", PostSort.values());
		model.addAttribute("minimumGroupSize", this.insight.minimumGroupSize());
		return "insight/announcements";
	}

	@GetMapping("/channels")
	String channels(Model model) {
		ChannelMap map = this.insight.channelMap();
		model.addAttribute("map", map);
		return "insight/channels";
	}

	@GetMapping("/announcements.csv")
	ResponseEntity<byte[]> announcementsCsv(@RequestParam Map<String, String> params) {
		InsightFilter filter = exported(params);
		PostSort sort = PostSort.parse(params.get("sort"));
		return csv("insight-announcements", filter,
				this.exports.announcementsCsv(filter, sort, descending(params, sort)));
	}

	@GetMapping("/departments.csv")
	ResponseEntity<byte[]> departmentsCsv(@RequestParam Map<String, String> params) {
		InsightFilter filter = exported(params);
		return csv("insight-departments", filter, this.exports.departmentsCsv(filter));
	}

	@GetMapping("/locations.csv")
	ResponseEntity<byte[]> locationsCsv(@RequestParam Map<String, String> params) {
		InsightFilter filter = exported(params);
		return csv("insight-locations", filter, this.exports.locationsCsv(filter));
	}

	@GetMapping("/overdue.csv")
	ResponseEntity<byte[]> overdueCsv(@RequestParam Map<String, String> params) {
		InsightFilter filter = exported(params);
		return csv("insight-overdue", filter, this.exports.overdueCsv(filter));
	}

	@GetMapping("/channels.csv")
	ResponseEntity<byte[]> channelsCsv() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("insight-channels.csv").build().toString())
			.body(this.exports.channelsCsv());
	}

	private FilterParams filters(Map<String, String> params, Model model) {
		FilterParams parsed = FilterParams.parse(params, this.insight.defaultFilter());
		model.addAttribute("filter", parsed.filter());
		model.addAttribute("filterProblems", parsed.problems());
		model.addAttribute("query", FilterParams.query(parsed.filter()));
		model.addAttribute("priorities", io.herald.announcement.Priority.values());
		return parsed;
	}

	/**
	 * The filters of an export. A file has no place to say a filter was replaced by its
	 * default, so one that cannot be read is a 400 rather than a file of something else.
	 */
	private InsightFilter exported(Map<String, String> params) {
		FilterParams parsed = FilterParams.parse(params, this.insight.defaultFilter());
		if (!parsed.problems().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return parsed.filter();
	}

	private static boolean descending(Map<String, String> params, PostSort sort) {
		String direction = params.get("dir");
		if (direction == null || direction.isBlank()) {
			return sort != PostSort.TITLE && sort != PostSort.CHANNEL;
		}
		return !"asc".equalsIgnoreCase(direction.strip());
	}

	private static String series(List<Week> trend, boolean read) {
		return trend.stream().map((w) -> {
			Double rate = read ? w.figures().readRate() : w.figures().ackRate();
			return (rate != null) ? String.format(Locale.ROOT, "%.1f", rate) : "";
		}).collect(Collectors.joining(","));
	}

	private static ResponseEntity<byte[]> csv(String name, InsightFilter filter, byte[] body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(name + "-" + filter.from() + "-" + filter.to() + ".csv")
						.build()
						.toString())
			.body(body);
	}

}
