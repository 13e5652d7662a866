package io.herald.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "departments")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "head_id")
	private Employee head;

	private Instant createdAt;

	protected Department() {
	}

	Department(String name, Instant createdAt) {
		this.name = name;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	Employee getHead() {
		return this.head;
	}

	void rename(String name) {
		this.name = name;
	}

	void appointHead(Employee head) {
		this.head = head;
	}

}
