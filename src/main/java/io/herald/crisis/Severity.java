package io.herald.crisis;

/**
 * How bad the situation a plan answers is.
 */
public enum Severity {

	MINOR, MAJOR, CRITICAL

}
