package io.herald.notification.web;

import io.herald.notification.Outbox;
import io.herald.notification.OutboxFilter;
import io.herald.notification.OutboxListing;
import io.herald.notification.OutboxQueries;
import io.herald.notification.OutboxStatus;
import io.herald.shared.LocalPaths;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mail outbox for administrators: every e-mail, a hundred a page, filtered by
 * status, kind and recipient, with totals per status; one e-mail as it reads; sending
 * failed or held ones again.
 */
@Controller
class OutboxAdminController {

	private static final String HOME = "/admin/outbox";

	private final Outbox outbox;

	private final OutboxQueries queries;

	OutboxAdminController(Outbox outbox, OutboxQueries queries) {
		this.outbox = outbox;
		this.queries = queries;
	}

	@GetMapping(HOME)
	String list(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		OutboxFilterParams params = new OutboxFilterParams(status, kind, q);
		int number = Math.max(page, 0);
		OutboxListing listing = this.queries.page(params.filter(), number, OutboxQueries.PAGE_SIZE);
		model.addAttribute("query", q);
		model.addAttribute("filter", params.filter());
		// Field names and message codes: the templates cannot read this package's types.
		model.addAttribute("badFields", params.badFields());
		model.addAttribute("problems", params.problems().stream().map(OutboxFilterParams.Problem::code).toList());
		model.addAttribute("listing", listing);
		model.addAttribute("entries",
				new PageImpl<>(listing.entries(), PageRequest.of(number, OutboxQueries.PAGE_SIZE), listing.total()));
		model.addAttribute("statuses", OutboxStatus.values());
		model.addAttribute("kinds", OutboxQueries.kinds());
		model.addAttribute("here", here(params, number));
		return "outbox/show";
	}

	@GetMapping(HOME + "/{id:\\d+}")
	String one(@PathVariable long id, @RequestParam(name = "back", required = false) String back, Model model) {
		model.addAttribute("mail",
				this.queries.mail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("back", LocalPaths.safe(back).filter((path) -> path.startsWith(HOME)).orElse(HOME));
		return "outbox/mail";
	}

	@PostMapping(HOME + "/{id:\\d+}/retry")
	String retry(@PathVariable long id, @RequestParam(name = "back", required = false) String back,
			@RequestParam(name = "stay", defaultValue = "false") boolean stay, RedirectAttributes redirect) {
		if (this.outbox.retry(id)) {
			redirect.addFlashAttribute("flashSuccess", "outbox.retried");
		}
		else {
			redirect.addFlashAttribute("flashError", "outbox.retry.notRetryable");
		}
		String list = LocalPaths.safe(back).filter((path) -> path.startsWith(HOME)).orElse(HOME);
		if (stay) {
			// Back on the e-mail, which still leads back to the list it was opened from.
			return "redirect:" + UriComponentsBuilder.fromPath(HOME + "/{id}")
				.queryParam("back", "{back}")
				.buildAndExpand(id, list)
				.encode()
				.toUriString();
		}
		return "redirect:" + list;
	}

	@PostMapping(HOME + "/retry-failed")
	String retryAllFailed(RedirectAttributes redirect) {
		int retried = this.outbox.retryAllFailed();
		redirect.addFlashAttribute("flashSuccess", (retried > 0) ? "outbox.retriedAll" : "outbox.retriedAll.none");
		return "redirect:" + HOME;
	}

	/**
	 * This page of the list with its filters, for the way back from an e-mail or after
	 * sending one again.
	 */
	private static String here(OutboxFilterParams params, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(HOME);
		OutboxFilter filter = params.filter();
		if (filter.status() != null) {
			link.queryParam("status", filter.status().name());
		}
		if (filter.kind() != null) {
			link.queryParam("kind", filter.kind());
		}
		if (filter.recipient() != null) {
			link.queryParam("q", filter.recipient());
		}
		if (page > 0) {
			link.queryParam("page", page);
		}
		return link.encode().build().toUriString();
	}

}
