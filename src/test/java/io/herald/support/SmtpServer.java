package io.herald.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for tests that follow Herald's e-mails: on a free port,
 * without authentication, and the properties that point Herald at it.
 */
public final class SmtpServer {

	private SmtpServer() {
	}

	public static GreenMailExtension on(int port) {
		return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

	public static void pointHeraldAt(int port, DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
	}

	/**
	 * The decoded text of each part of an e-mail by content type ({@code text/html},
	 * {@code text/plain}).
	 */
	public static Map<String, String> parts(Part part) throws MessagingException, IOException {
		Map<String, String> parts = new HashMap<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				parts.putAll(parts(multipart.getBodyPart(i)));
			}
		}
		else {
			parts.put(part.getContentType().split(";")[0].strip().toLowerCase(), (String) part.getContent());
		}
		return parts;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
