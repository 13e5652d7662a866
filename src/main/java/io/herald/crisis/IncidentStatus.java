package io.herald.crisis;

public enum IncidentStatus {

	OPEN, RESOLVED

}
