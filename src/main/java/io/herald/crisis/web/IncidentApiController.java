package io.herald.crisis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.herald.crisis.Activation;
import io.herald.crisis.FollowUpSent;
import io.herald.crisis.IncidentResponse;
import io.herald.crisis.IncidentUpdate;
import io.herald.crisis.IncidentScope;
import io.herald.crisis.IncidentStatus;
import io.herald.crisis.IncidentView;
import io.herald.crisis.IncidentRoster;
import io.herald.crisis.Incidents;
import io.herald.crisis.OpenedIncident;
import io.herald.directory.DirectoryOption;
import io.herald.directory.EmployeeDirectory;
import io.herald.shared.InvalidChange;
import io.herald.shared.InvalidChange.Problem;
import io.herald.shared.MultiLine;
import io.herald.shared.SingleLine;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents for API clients, with the rules and rights of the pages: activate a plan,
 * check in, read the roster's counts, post an update and resolve with the all-clear.
 * <ul>
 * <li>{@code POST /plans/{id}/activate} {@code {locations?, departments?, drill?,
 * message?}} → 201 {@code {incidentId, recipients}}. {@code locations} and
 * {@code departments} are names (case-insensitive) or ids; both left out means the plan's
 * default scope. {@code message} replaces the alert's body.</li>
 * <li>{@code POST /incidents/{id}/updates} {@code {message, title?}} → 201
 * {@code {announcementId, recipients}}: the update goes to everyone the alert reached, in
 * the app and by e-mail. {@code title} left out takes the plan's update title.</li>
 * <li>{@code POST /incidents/{id}/resolve} {@code {message?, title?}} → 200
 * {@code {status: "RESOLVED", recipients}}: sends the all-clear (the plan's, unless
 * {@code message} replaces its body) to everyone the alert reached and closes
 * check-ins.</li>
 * </ul>
 * Bad input is a 422 problem with {@code errors: [{field, message}]} and changes nothing;
 * an incident already resolved is a 409; comms managers and administrators only.
 */
@RestController
@RequestMapping("/api/v1/crisis")
class IncidentApiController {

	private static final URI INVALID = URI.create("https://herald.example/problems/invalid-crisis-request");

	private final Incidents incidents;

	private final IncidentRoster roster;

	private final IncidentResponse response;

	private final EmployeeDirectory directory;

	private final MessageSource messages;

	IncidentApiController(Incidents incidents, IncidentRoster roster, IncidentResponse response,
			EmployeeDirectory directory, MessageSource messages) {
		this.incidents = incidents;
		this.roster = roster;
		this.response = response;
		this.directory = directory;
		this.messages = messages;
	}

	record ActivateRequest(List<Object> locations, List<Object> departments, Boolean drill, @MultiLine String message) {

	}

	record Activated(long incidentId, int recipients) {

	}

	record CheckInRequest(@SingleLine String status, @MultiLine String note) {

	}

	record UpdateRequest(@SingleLine String title, @MultiLine String message) {

	}

	record UpdateSent(long announcementId, int recipients) {

	}

	record Resolved(IncidentStatus status, int recipients) {

	}

	record Status(IncidentStatus status, int recipients, long safe, long needHelp, long noResponse,
			List<IncidentView.LocationCount> byLocation) {

	}

	@PostMapping("/plans/{id:\\d+}/activate")
	ResponseEntity<Activated> activate(@PathVariable long id,
			@Valid @RequestBody(required = false) ActivateRequest request) {
		// A body-less call activates the plan's defaults: a browser must not be
		// made to send one from another site.
		ActivateRequest given = (request != null) ? request : new ActivateRequest(null, null, null, null);
		List<Problem> problems = new ArrayList<>();
		Set<Long> locations = resolve(given.locations(), this.directory.locationOptions(), "locations", problems);
		Set<Long> departments = resolve(given.departments(), this.directory.departmentOptions(), "departments",
				problems);
		InvalidChange.refuseIfAny(problems);
		// The template's placeholders ({location} above all) are filled for the
		// scope asked for, not the plan's default.
		Activation prepared = this.incidents.prepare(id, (given.locations() == null && given.departments() == null)
				? null : new IncidentScope(locations.isEmpty() && departments.isEmpty(), locations, departments));
		IncidentScope scope = prepared.scope();
		String body = (given.message() != null) ? given.message() : prepared.body();
		OpenedIncident opened = this.incidents.activate(id,
				new Activation(scope, prepared.title(), body, Boolean.TRUE.equals(given.drill())));
		return ResponseEntity.created(URI.create("/api/v1/crisis/incidents/" + opened.id()))
			.body(new Activated(opened.id(), opened.recipients()));
	}

	@PostMapping("/incidents/{id:\\d+}/check-in")
	ResponseEntity<Void> checkIn(@PathVariable long id, @Valid @RequestBody(required = false) CheckInRequest request) {
		this.incidents.checkInThroughApi(id, (request != null) ? IncidentController.parse(request.status()) : null,
				(request != null) ? request.note() : null);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/incidents/{id:\\d+}/updates")
	ResponseEntity<UpdateSent> postUpdate(@PathVariable long id,
			@Valid @RequestBody(required = false) UpdateRequest request) {
		// Who may, and whether the incident exists, before what is wrong with the body.
		IncidentUpdate prepared = this.response.prepareUpdate(id);
		String message = (request != null) ? request.message() : null;
		if (message == null || message.isBlank()) {
			throw new InvalidChange("message", "crisis.update.body.required");
		}
		String title = (request.title() != null) ? request.title() : prepared.title();
		FollowUpSent sent;
		try {
			sent = this.response.postUpdate(id, new IncidentUpdate(title, message));
		}
		catch (InvalidChange refused) {
			throw asApiFields(refused);
		}
		return ResponseEntity.created(URI.create("/api/v1/crisis/incidents/" + id))
			.body(new UpdateSent(sent.announcementId(), sent.recipients()));
	}

	@PostMapping("/incidents/{id:\\d+}/resolve")
	Resolved resolve(@PathVariable long id, @Valid @RequestBody(required = false) UpdateRequest request) {
		// A body-less call sends the plan's all-clear: a browser must not be made
		// to send one from another site.
		IncidentUpdate allClear = null;
		if (request != null) {
			// Who may, and whether the incident exists, before what is wrong with the
			// body.
			this.incidents.prepareAllClear(id);
			if (request.message() != null && request.message().isBlank()) {
				throw new InvalidChange("message", "crisis.allClear.body.required");
			}
			allClear = new IncidentUpdate(request.title(), request.message());
		}
		int told;
		try {
			told = this.incidents.resolve(id, allClear);
		}
		catch (InvalidChange refused) {
			throw asApiFields(refused);
		}
		return new Resolved(IncidentStatus.RESOLVED, told);
	}

	/**
	 * The service names the form's {@code body}; API clients send {@code message}.
	 */
	private static InvalidChange asApiFields(InvalidChange refused) {
		return new InvalidChange(refused.problems()
			.stream()
			.map((p) -> "body".equals(p.field()) ? new Problem("message", p.code(), p.arguments()) : p)
			.toList());
	}

	@GetMapping("/incidents/{id:\\d+}")
	Status incident(@PathVariable long id) {
		IncidentView incident = this.roster.find(id);
		return new Status(incident.status(), incident.recipients(), incident.safe(), incident.needHelp(),
				incident.noResponse(), incident.byLocation());
	}

	@ExceptionHandler(InvalidChange.class)
	ResponseEntity<ProblemDetail> invalid(InvalidChange refused) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setType(INVALID);
		problem.setTitle("The request has problems");
		List<Map<String, String>> errors = refused.problems()
			.stream()
			.map((p) -> Map.of("field", Optional.ofNullable(p.field()).orElse(""), "message",
					this.messages.getMessage(p.code(), p.arguments(), p.code(), LocaleContextHolder.getLocale())))
			.toList();
		problem.setDetail(errors.isEmpty() ? "" : errors.get(0).get("message"));
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private static Set<Long> resolve(List<Object> given, List<DirectoryOption> options, String field,
			List<Problem> found) {
		Set<Long> ids = new LinkedHashSet<>();
		if (given == null) {
			return ids;
		}
		for (Object value : given) {
			String wanted = (value != null) ? value.toString().strip() : "";
			Optional<DirectoryOption> match = options.stream()
				.filter((option) -> option.name().equalsIgnoreCase(wanted) || Long.toString(option.id()).equals(wanted))
				.findFirst();
			if (match.isPresent()) {
				ids.add(match.get().id());
			}
			else {
				found.add(new Problem(field, "crisis.incident.scope.unknown", wanted));
			}
		}
		return ids;
	}

}
