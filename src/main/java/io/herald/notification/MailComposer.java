package io.herald.notification;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.herald.directory.Contact;
import io.herald.notification.MailActions.MailAction;
import io.herald.shared.SiteAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Renders outbox messages as e-mails in the recipient's language (English where Herald
 * has no messages in theirs) from {@code templates/mail/notification.html} and
 * {@code .txt}, with absolute links back to Herald.
 */
@Component
class MailComposer {

	static final int DIGEST_ENTRIES = 50;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final MailSettings settings;

	private final String baseUrl;

	private final String messageIdDomain;

	private final ObjectProvider<MailActions> actions;

	MailComposer(ITemplateEngine templates, MessageSource messages, MailSettings settings,
			ObjectProvider<MailActions> actions, SiteAddress site) {
		this.templates = templates;
		this.messages = messages;
		this.settings = settings;
		this.actions = actions;
		this.baseUrl = site.baseUrl();
		String host = URI.create(this.baseUrl).getHost();
		this.messageIdDomain = (host != null && !host.isBlank()) ? host : "herald.localhost";
	}

	/**
	 * The e-mail for a message; a digest lists {@code entries}, the newest
	 * {@value #DIGEST_ENTRIES} of them.
	 */
	ComposedMail compose(OutboxMessage message, Contact recipient, List<DigestEntry> entries) {
		return compose(message, recipient, entries, true);
	}

	/**
	 * The e-mail for a message, without the answers it offers when {@code withActions} is
	 * false: those links answer for the recipient, so only the recipient gets them.
	 */
	ComposedMail compose(OutboxMessage message, Contact recipient, List<DigestEntry> entries, boolean withActions) {
		Locale locale = locale(recipient.language());
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale);
		long total = message.isDigest() ? digestTotal(message, entries) : 0;
		String subject = this.messages.getMessage("mail.subject." + message.kind(),
				new Object[] { message.isDigest() ? total : message.subject() }, locale);
		Map<String, Object> variables = new HashMap<>();
		variables.put("lang", locale.toLanguageTag());
		variables.put("mailSubject", subject);
		variables.put("name", recipient.displayName());
		variables.put("kind", message.kind());
		variables.put("subject", message.subject());
		variables.put("critical", message.critical());
		variables.put("digest", message.isDigest());
		variables.put("detailLines", (message.detail() != null)
				? Arrays.stream(message.detail().split("\\R")).filter((line) -> !line.isBlank()).toList() : List.of());
		variables.put("link", absolute(message.link()));
		variables.put("actions", withActions ? actions(message) : List.of());
		variables.put("preferencesLink", absolute("/me"));
		variables.put("entries",
				entries.stream()
					.limit(DIGEST_ENTRIES)
					.map((entry) -> new MailEntry(entry.kind(), entry.subject(), absolute(entry.link()),
							times.format(entry.createdAt().atZone(recipient.timeZone()))))
					.toList());
		variables.put("total", total);
		variables.put("more", Math.max(0, total - Math.min(entries.size(), DIGEST_ENTRIES)));
		Context context = new Context(locale, variables);
		return new ComposedMail(subject, this.templates.process("mail/notification", context),
				this.templates.process("mail/notification.txt", context));
	}

	/**
	 * The MIME message for a rendered e-mail: HTML with a plain-text alternative, and a
	 * Message-ID derived from the idempotency key, so a message sent twice is
	 * recognisably the same message.
	 */
	MimeMessage mime(JavaMailSender sender, OutboxMessage message, Contact recipient, ComposedMail mail)
			throws MessagingException {
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_RELATED,
				StandardCharsets.UTF_8.name());
		helper.setFrom(this.settings.from());
		try {
			helper
				.setTo(new InternetAddress(recipient.email(), recipient.displayName(), StandardCharsets.UTF_8.name()));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		mime.setHeader("Message-ID", messageId(message.key(), this.messageIdDomain));
		// Keeps out-of-office replies away from an address nobody reads.
		mime.setHeader("Auto-Submitted", "auto-generated");
		return mime;
	}

	/**
	 * {@code <sha-256 of the key@domain>}: the same key always gives the same id, and any
	 * key gives a valid one.
	 */
	static String messageId(String key, String domain) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(hash) + "@" + domain + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The locale of a directory language; Herald's messages fall back to English for a
	 * language they do not have.
	 */
	static Locale locale(String language) {
		if (language == null || language.isBlank()) {
			return Locale.ENGLISH;
		}
		Locale locale = Locale.forLanguageTag(language.strip());
		return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
	}

	/**
	 * The answers the recipient can give straight from this e-mail, with absolute links.
	 */
	private List<MailAction> actions(OutboxMessage message) {
		// Answers straight from an e-mail are for emergencies: only critical e-mails
		// ask, so the bulk of the mail costs no lookup.
		if (!message.critical() || message.isDigest() || message.announcementId() == null) {
			return List.of();
		}
		return this.actions.orderedStream()
			.flatMap((provider) -> provider.actionsFor(message.employeeId(), message.announcementId()).stream())
			.map((action) -> new MailAction(action.labelCode(), absolute(action.link()), action.primary()))
			.toList();
	}

	String absolute(String link) {
		if (link == null || link.isBlank()) {
			return this.baseUrl + "/";
		}
		return this.baseUrl + (link.startsWith("/") ? link : "/" + link);
	}

	private static long digestTotal(OutboxMessage message, List<DigestEntry> entries) {
		try {
			return Math.max(Long.parseLong(message.subject().strip()), entries.size());
		}
		catch (NumberFormatException ex) {
			return entries.size();
		}
	}

	/**
	 * A digest line as the templates show it.
	 */
	record MailEntry(String kind, String subject, String link, String when) {

	}

}
