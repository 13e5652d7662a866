package io.herald.crisis;

/**
 * How a check-in came in: in the app (banner, post, feed), from an e-mail's one-click
 * link, or through the API.
 */
public enum AnsweredVia {

	APP, LINK, API

}
