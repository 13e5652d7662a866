/**
 * Browser journeys: what a person does in Herald, in a real Chromium against the whole
 * application. A new journey extends {@link io.herald.journeys.BrowserJourney} and uses
 * its page and helpers; checks use Playwright's waiting assertions, never sleeps.
 */
package io.herald.journeys;
