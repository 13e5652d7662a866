package io.herald.crisis;

/**
 * A way to deliver a plan's messages; a plan lists them in order, backups last.
 */
public enum Medium {

	IN_APP, EMAIL

}
