package io.herald.crisis;

/**
 * A pre-approved message: a title and a Markdown body with placeholders such as
 * {@code {location}}.
 */
public record MessageTemplate(TemplateKind kind, String title, String body) {

}
