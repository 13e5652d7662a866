package io.herald.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.herald.audit.AuditQuery;
import io.herald.audit.AuditRecord;
import io.herald.audit.AuditTrail;
import io.herald.shared.SignedInPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: newest first, in plain words, narrowed by kind of
 * action, by who did it and by a range of days in the viewer's time zone; the same
 * selection as CSV. A date that is not one is named and left out of the filter.
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	/** The kinds of action, by the module that records them. */
	static final List<String> GROUPS = List.of("account.", "announcement.", "channel.", "crisis.", "directory.",
			"escalation.", "notification.", "tracking.");

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String list(@AuthenticationPrincipal SignedInPerson viewer,
			@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "actor", required = false) String actor,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		List<String> problems = new ArrayList<>();
		AuditQuery query = query(viewer, action, actor, from, to, problems);
		Page<AuditRecord> entries = this.trail.entries(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("action", query.actionPrefix());
		model.addAttribute("actor", query.actor());
		model.addAttribute("from", (from != null) ? from.strip() : null);
		model.addAttribute("to", (to != null) ? to.strip() : null);
		model.addAttribute("problems", problems);
		model.addAttribute("groups", GROUPS);
		model.addAttribute("entries", entries);
		model.addAttribute("targets", this.trail.targetsOf(entries.getContent()));
		return "audit/list";
	}

	@GetMapping("/admin/audit/export.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedInPerson viewer,
			@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "actor", required = false) String actor,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		AuditQuery query = query(viewer, action, actor, from, to, new ArrayList<>());
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = List.of("occurred_at", "actor", "action", "description", "target_type", "target_id",
				"details");
		byte[] csv = this.trail.csv(query,
				(code) -> this.messages.getMessage("audit.action." + code, null, code, locale), header);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("audit-log.csv").build().toString())
			.body(csv);
	}

	private static AuditQuery query(SignedInPerson viewer, String action, String actor, String from, String to,
			List<String> problems) {
		ZoneId zone = (viewer != null && viewer.timeZone() != null) ? viewer.timeZone() : ZoneOffset.UTC;
		LocalDate start = date(from, "audit.filter.badFrom", problems);
		LocalDate end = date(to, "audit.filter.badTo", problems);
		if (start != null && end != null && start.isAfter(end)) {
			problems.add("audit.filter.toBeforeFrom");
			start = null;
			end = null;
		}
		return new AuditQuery(StringUtils.hasText(action) ? action.strip() : null,
				StringUtils.hasText(actor) ? actor.strip() : null, start, end, zone);
	}

	private static LocalDate date(String text, String problem, List<String> problems) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(problem);
			return null;
		}
	}

}
