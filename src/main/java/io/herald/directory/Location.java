package io.herald.directory;

import java.time.Instant;
import java.time.ZoneId;

import io.herald.shared.Zones;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "locations")
class Location {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String timeZone;

	private Instant createdAt;

	protected Location() {
	}

	Location(String name, ZoneId timeZone, Instant createdAt) {
		this.name = name;
		this.timeZone = Zones.iana(timeZone);
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	ZoneId getTimeZone() {
		return ZoneId.of(this.timeZone);
	}

	void change(String name, ZoneId timeZone) {
		this.name = name;
		this.timeZone = Zones.iana(timeZone);
	}

}
