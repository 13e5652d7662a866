package io.herald.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.herald.directory.Contact;
import io.herald.notification.MailActions.MailAction;
import io.herald.shared.SiteAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mails are worded from message keys in the recipient's language, escape what people
 * typed, and link back to Herald absolutely; Message-IDs follow from idempotency keys.
 */
class MailComposerTests {

	private final MailComposer composer = composer(new DefaultListableBeanFactory());

	private final Contact ada = new Contact(7, "ada@example.test", "Ada Lovelace", "en", ZoneId.of("Europe/London"),
			true);

	@Test
	void everyKindHasItsSentenceAndSubjectLine() {
		for (NotificationKind kind : NotificationKind.values()) {
			ComposedMail mail = this.composer.compose(message(kind.name(), "Fire drill", null), this.ada, List.of());
			assertThat(mail.subject()).as(kind.name()).contains("Fire drill");
			assertThat(Jsoup.parse(mail.html()).select("h1").text()).as(kind.name())
				.contains("Fire drill")
				.doesNotContain("??");
			assertThat(mail.text()).as(kind.name()).doesNotContain("??");
		}
	}

	@Test
	void whatPeopleTypedIsEscapedInHtml() {
		ComposedMail mail = this.composer.compose(
				message("REMINDER", "<img src=x onerror=alert(1)>", "line <b>one</b>\nline two"), this.ada, List.of());
		Document html = Jsoup.parse(mail.html());
		assertThat(html.select("img, b")).isEmpty();
		assertThat(html.select("h1").text()).contains("<img src=x onerror=alert(1)>");
		assertThat(html.select("p").eachText()).contains("line <b>one</b>", "line two");
		assertThat(mail.text()).contains("line <b>one</b>");
	}

	@Test
	void linksAreAbsoluteOnTheConfiguredBaseUrl() {
		ComposedMail mail = this.composer.compose(message("NUDGE", "Policy", null), this.ada, List.of());
		assertThat(Jsoup.parse(mail.html()).select("a[data-mail-link]").attr("href"))
			.isEqualTo("https://herald.example.test/announcements/42");
		assertThat(mail.text()).contains("https://herald.example.test/announcements/42",
				"https://herald.example.test/me");
	}

	@Test
	void aDigestListsItsEntriesInTheRecipientsZoneAndSaysHowManyMoreThereAre() {
		List<DigestEntry> entries = List.of(
				new DigestEntry("NUDGE", "Second", "/announcements/2", Instant.parse("2026-03-02T09:30:00Z")),
				new DigestEntry("REMINDER", "First", "/announcements/1", Instant.parse("2026-03-01T09:30:00Z")));
		OutboxMessage digest = new OutboxMessage(1, "digest:7:2026-03-03", 7, OutboxMessage.DIGEST, null, "52", null,
				"/notifications", false, 0, Instant.parse("2026-03-03T08:00:00Z"), null);
		Contact taipei = new Contact(7, "ada@example.test", "Ada", "en", ZoneId.of("Asia/Taipei"), true);

		ComposedMail mail = this.composer.compose(digest, taipei, entries);

		assertThat(mail.subject()).isEqualTo("Herald: 52 new notifications");
		Document html = Jsoup.parse(mail.html());
		assertThat(html.select("li a").eachText()).containsExactly("You are asked to acknowledge \u201CSecond\u201D",
				"Reminder: please acknowledge \u201CFirst\u201D");
		// 09:30 UTC is 17:30 in Taipei.
		assertThat(html.select("li div").first().text()).contains("5:30");
		assertThat(html.text()).contains("and 50 more");
	}

	@Test
	void theRecipientsLanguageChoosesTheLocaleAndUnknownOnesFallBackToEnglish() {
		assertThat(MailComposer.locale("zh-TW")).isEqualTo(Locale.TAIWAN);
		assertThat(MailComposer.locale("pl")).isEqualTo(Locale.forLanguageTag("pl"));
		assertThat(MailComposer.locale(null)).isEqualTo(Locale.ENGLISH);
		assertThat(MailComposer.locale("")).isEqualTo(Locale.ENGLISH);
		Contact polish = new Contact(8, "p@example.test", "Piotr", "pl", ZoneId.of("Europe/Warsaw"), true);
		// No Polish messages yet: the English ones, in a Polish-language document.
		ComposedMail mail = this.composer.compose(message("REMINDER", "Drill", null), polish, List.of());
		assertThat(mail.subject()).isEqualTo("Reminder: please acknowledge \u201CDrill\u201D");
		assertThat(Jsoup.parse(mail.html()).select("html").attr("lang")).isEqualTo("pl");
	}

	@Test
	void answersAModuleOffersBecomeButtonsAndLinesWithAbsoluteLinks() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("checkIns",
				(MailActions) (employee, announcement) -> (employee == 7 && announcement == 42)
						? List.of(new MailAction("crisis.checkIn.safe", "/check-in/abc?answer=SAFE", true),
								new MailAction("crisis.checkIn.needHelp", "/check-in/abc?answer=NEED_HELP", false))
						: List.of());
		ComposedMail mail = composer(beans).compose(critical(message("CRITICAL_POST", "Fire alarm", null)), this.ada,
				List.of());

		Document html = Jsoup.parse(mail.html());
		assertThat(html.select("[data-mail-actions] a").eachText()).containsExactly("I'm safe", "I need help");
		assertThat(html.select("[data-mail-actions] a").eachAttr("href")).containsExactly(
				"https://herald.example.test/check-in/abc?answer=SAFE",
				"https://herald.example.test/check-in/abc?answer=NEED_HELP");
		assertThat(mail.text()).contains("I'm safe: https://herald.example.test/check-in/abc?answer=SAFE")
			.contains("I need help: https://herald.example.test/check-in/abc?answer=NEED_HELP");
	}

	@Test
	void aNonCriticalEmailAsksForNoAnswers() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("asked", (MailActions) (employee, announcement) -> {
			throw new AssertionError("asked for answers to a non-critical e-mail");
		});
		ComposedMail mail = composer(beans).compose(message("REMINDER", "Policy", null), this.ada, List.of());
		assertThat(Jsoup.parse(mail.html()).select("[data-mail-actions]")).isEmpty();
	}

	@Test
	void anEmailWithoutAnswersHasNoButtons() {
		ComposedMail mail = this.composer.compose(message("CRITICAL_POST", "Fire alarm", null), this.ada, List.of());
		assertThat(Jsoup.parse(mail.html()).select("[data-mail-actions]")).isEmpty();
		assertThat(mail.text()).doesNotContain("check-in");
	}

	@Test
	void messageIdsAreStableValidAndDifferPerKey() {
		String id = MailComposer.messageId("reminder:42:17:DUE", "herald.example.test");
		assertThat(id).isEqualTo(MailComposer.messageId("reminder:42:17:DUE", "herald.example.test"))
			.matches("<[0-9a-f]{64}@herald\\.example\\.test>");
		assertThat(Set.of(id, MailComposer.messageId("reminder:42:17:DUE+24H", "herald.example.test"),
				MailComposer.messageId("reminder.42.17.DUE", "herald.example.test")))
			.hasSize(3);
	}

	private static MailComposer composer(DefaultListableBeanFactory beans) {
		return new MailComposer(engine(), messages(),
				new MailSettings("Herald <herald@example.test>", 20, 8, Duration.ofSeconds(30), Duration.ofHours(1),
						Duration.ofMinutes(10), LocalTime.of(8, 0)),
				beans.getBeanProvider(MailActions.class), new SiteAddress("https://herald.example.test///"));
	}

	private static OutboxMessage critical(OutboxMessage m) {
		return new OutboxMessage(m.id(), m.key(), m.employeeId(), m.kind(), m.announcementId(), m.subject(), m.detail(),
				m.link(), true, m.attempts(), m.createdAt(), m.coversFrom());
	}

	private static OutboxMessage message(String kind, String subject, String detail) {
		return new OutboxMessage(1, "key", 7, kind, 42L, subject, detail, "/announcements/42", false, 0,
				Instant.parse("2026-03-01T10:00:00Z"), null);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(messages());
		ClassLoaderTemplateResolver text = (ClassLoaderTemplateResolver) new MailTemplateConfiguration()
			.mailTextTemplateResolver();
		ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
		html.setPrefix("templates/");
		html.setSuffix(".html");
		html.setTemplateMode(TemplateMode.HTML);
		html.setCharacterEncoding("UTF-8");
		html.setOrder(1);
		engine.addTemplateResolver(text);
		engine.addTemplateResolver(html);
		return engine;
	}

}
