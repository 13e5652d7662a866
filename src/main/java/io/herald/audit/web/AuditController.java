package io.herald.audit.web;

import io.herald.audit.AuditLog;
import io.herald.audit.AuditRecord;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: newest first, narrowed by the start of the action
 * name (such as {@code account.}).
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		String prefix = StringUtils.hasText(action) ? action.strip() : null;
		Page<AuditRecord> entries = this.audit.entries(prefix, PageRequest.of(Math.max(page, 0), PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by(Sort.Direction.DESC, "id"))));
		model.addAttribute("action", prefix);
		model.addAttribute("entries", entries);
		return "audit/list";
	}

}
