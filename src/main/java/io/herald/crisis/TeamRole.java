package io.herald.crisis;

/**
 * A seat on a plan's response team; the order is the order on the page.
 */
public enum TeamRole {

	LEAD, DEPUTY_LEAD, SPOKESPERSON, HR, FACILITIES, IT

}
