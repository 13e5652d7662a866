package io.herald.insight;

/**
 * One department's or location's figures ({@code id} 0: people without one, whose
 * {@code name} is {@code null}).
 */
public record Breakdown(long id, String name, Figures figures) {

}
