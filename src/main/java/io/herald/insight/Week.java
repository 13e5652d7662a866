package io.herald.insight;

import java.time.LocalDate;

/**
 * The posts published in one week (Monday to Sunday in the viewer's time zone).
 */
public record Week(LocalDate start, Figures figures) {

}
