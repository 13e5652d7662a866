package io.herald.crisis;

/**
 * The pre-approved messages every plan has.
 */
public enum TemplateKind {

	INITIAL_ALERT, UPDATE, ALL_CLEAR

}
