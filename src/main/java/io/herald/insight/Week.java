package io.herald.insight;

import java.time.LocalDate;

/**
 * The posts published in one week (Monday to Sunday in the viewer's time zone).
 *
 * @param partial whether the week is not over yet (today is in it, or it is to come), so
 * its figures are for part of it only
 */
public record Week(LocalDate start, Figures figures, boolean partial) {

}
