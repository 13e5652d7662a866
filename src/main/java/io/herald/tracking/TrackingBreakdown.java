package io.herald.tracking;

/**
 * The figures of the recipients in one department or location, as they stood when the
 * post reached them. {@code id} and {@code name} are {@code null} for recipients without
 * one.
 */
public record TrackingBreakdown(Long id, String name, TrackingFigures figures) {

}
