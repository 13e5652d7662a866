package io.herald.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.herald.shared.Zones;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "employees")
class Employee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String employeeNumber;

	private String firstName;

	private String lastName;

	private String preferredName;

	private String jobTitle;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "department_id")
	private Department department;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "location_id")
	private Location location;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "manager_id")
	private Employee manager;

	private String phone;

	private String mobile;

	private String timeZone;

	private String language;

	private String skills;

	private LocalDate startDate;

	// Kept in step with the fields it is made of, so search is one indexed LIKE.
	private String searchText;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Employee() {
	}

	Employee(NewEmployee person, Department department, Location location, Employee manager, Instant now) {
		this.email = person.email();
		this.employeeNumber = person.employeeNumber();
		this.firstName = person.firstName();
		this.lastName = person.lastName();
		this.preferredName = person.preferredName();
		this.jobTitle = person.jobTitle();
		this.department = department;
		this.location = location;
		this.manager = manager;
		this.phone = person.phone();
		this.mobile = person.mobile();
		this.timeZone = Zones.iana(person.timeZone());
		this.language = person.language();
		this.skills = person.skills();
		this.startDate = person.startDate();
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@PrePersist
	@PreUpdate
	void refreshSearchText() {
		this.searchText = searchText();
	}

	/**
	 * The search text these fields make, without changing the entity.
	 */
	String searchText() {
		return SearchText.of(this.firstName, this.lastName, this.preferredName, this.email, this.jobTitle, this.skills,
				(this.department != null) ? this.department.getName() : null,
				(this.location != null) ? this.location.getName() : null);
	}

	Long getId() {
		return this.id;
	}

	String getEmail() {
		return this.email;
	}

	String getEmployeeNumber() {
		return this.employeeNumber;
	}

	String getFirstName() {
		return this.firstName;
	}

	String getLastName() {
		return this.lastName;
	}

	String getPreferredName() {
		return this.preferredName;
	}

	String getJobTitle() {
		return this.jobTitle;
	}

	Department getDepartment() {
		return this.department;
	}

	Location getLocation() {
		return this.location;
	}

	Employee getManager() {
		return this.manager;
	}

	String getPhone() {
		return this.phone;
	}

	String getMobile() {
		return this.mobile;
	}

	String getSkills() {
		return this.skills;
	}

	LocalDate getStartDate() {
		return this.startDate;
	}

	ZoneId getTimeZone() {
		return ZoneId.of(this.timeZone);
	}

	String getLanguage() {
		return this.language;
	}

	boolean isActive() {
		return this.active;
	}

	long getVersion() {
		return this.version;
	}

	String displayName() {
		return PersonName.display(this.firstName, this.lastName, this.preferredName);
	}

	void changeOwnDetails(OwnDetails details, Instant now) {
		this.preferredName = details.preferredName();
		this.phone = details.phone();
		this.mobile = details.mobile();
		this.timeZone = Zones.iana(details.timeZone());
		this.language = details.language();
		this.updatedAt = now;
	}

	void change(PersonDetails details, Department department, Location location, Employee manager, Instant now) {
		this.email = details.email();
		this.employeeNumber = details.employeeNumber();
		this.firstName = details.firstName();
		this.lastName = details.lastName();
		this.preferredName = details.preferredName();
		this.jobTitle = details.jobTitle();
		this.department = department;
		this.location = location;
		this.manager = manager;
		this.phone = details.phone();
		this.mobile = details.mobile();
		this.timeZone = Zones.iana(details.timeZone());
		this.language = details.language();
		this.skills = details.skills();
		this.startDate = details.startDate();
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void reactivate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	EmployeeSummary toSummary() {
		return new EmployeeSummary(this.id, this.email, displayName(), this.jobTitle,
				(this.department != null) ? this.department.getName() : null,
				(this.location != null) ? this.location.getName() : null,
				(this.manager != null) ? this.manager.getId() : null, this.active);
	}

}
