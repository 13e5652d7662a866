package io.herald.directory.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.herald.directory.EmployeeProfile;
import io.herald.directory.PersonDetails;
import io.herald.shared.Zones;
import io.herald.shared.SingleLine;

import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;

/**
 * HR's form for a person. Time zone and start date stay text until submitted, so a typo
 * comes back as a message on the field rather than a binding error.
 */
class PersonForm {

	@SingleLine
	private String email;

	@SingleLine
	private String employeeNumber;

	@SingleLine
	private String firstName;

	@SingleLine
	private String lastName;

	@SingleLine
	private String preferredName;

	@SingleLine
	private String jobTitle;

	private Long departmentId;

	private Long locationId;

	@SingleLine
	private String managerEmail;

	@SingleLine
	private String phone;

	@SingleLine
	private String mobile;

	@SingleLine
	private String timeZone = "Europe/Warsaw";

	@SingleLine
	private String language = "en";

	@SingleLine
	private String skills;

	@SingleLine
	private String startDate;

	private long version;

	static PersonForm of(EmployeeProfile profile) {
		PersonForm form = new PersonForm();
		form.email = profile.email();
		form.employeeNumber = profile.employeeNumber();
		form.firstName = profile.firstName();
		form.lastName = profile.lastName();
		form.preferredName = profile.preferredName();
		form.jobTitle = profile.person().jobTitle();
		form.departmentId = profile.departmentId();
		form.locationId = profile.locationId();
		form.managerEmail = (profile.manager() != null) ? profile.manager().email() : null;
		form.phone = profile.phone();
		form.mobile = profile.mobile();
		form.timeZone = profile.timeZone().getId();
		form.language = profile.language();
		form.skills = String.join("; ", profile.skills());
		form.startDate = (profile.startDate() != null) ? profile.startDate().toString() : null;
		form.version = profile.version();
		return form;
	}

	/**
	 * The details, or null after rejecting the fields that could not be read.
	 */
	PersonDetails toDetails(BindingResult result) {
		ZoneId zone = zone(this.timeZone, "timeZone", result);
		LocalDate start = null;
		if (StringUtils.hasText(this.startDate)) {
			try {
				start = LocalDate.parse(this.startDate.strip());
			}
			catch (DateTimeParseException ex) {
				result.rejectValue("startDate", "directory.date.invalid");
			}
		}
		if (result.hasErrors()) {
			return null;
		}
		return new PersonDetails(this.email, this.employeeNumber, this.firstName, this.lastName, this.preferredName,
				this.jobTitle, this.departmentId, this.locationId, this.managerEmail, this.phone, this.mobile, zone,
				this.language, this.skills, start, this.version);
	}

	static ZoneId zone(String text, String field, BindingResult result) {
		Optional<ZoneId> zone = Zones.parse(text);
		if (zone.isEmpty()) {
			result.rejectValue(field, "directory.timeZone.invalid");
		}
		return zone.orElse(null);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getEmployeeNumber() {
		return this.employeeNumber;
	}

	public void setEmployeeNumber(String employeeNumber) {
		this.employeeNumber = employeeNumber;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getPreferredName() {
		return this.preferredName;
	}

	public void setPreferredName(String preferredName) {
		this.preferredName = preferredName;
	}

	public String getJobTitle() {
		return this.jobTitle;
	}

	public void setJobTitle(String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getLocationId() {
		return this.locationId;
	}

	public void setLocationId(Long locationId) {
		this.locationId = locationId;
	}

	public String getManagerEmail() {
		return this.managerEmail;
	}

	public void setManagerEmail(String managerEmail) {
		this.managerEmail = managerEmail;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getSkills() {
		return this.skills;
	}

	public void setSkills(String skills) {
		this.skills = skills;
	}

	public String getStartDate() {
		return this.startDate;
	}

	public void setStartDate(String startDate) {
		this.startDate = startDate;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
