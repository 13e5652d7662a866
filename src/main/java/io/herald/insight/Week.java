package io.herald.insight;

import java.time.LocalDate;

/**
 * The posts published in one week (Monday to Sunday in the viewer's time zone).
 *
 * @param partial whether the week is not over yet (it ends after today), so its figures
 * are for part of it only
 */
public record Week(LocalDate start, Figures figures, boolean partial) {

}
