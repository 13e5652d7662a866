package io.herald.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for what an ordinary client will not send: a
 * forged {@code Host}, a path the client would normalise or refuse, a body that is
 * announced but never sent, a chunked body. One request per connection.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	public static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends the request line and headers (a {@code Host} of localhost unless one is
	 * given, and {@code Connection: close}), then the body as it is, and reads the
	 * answer.
	 */
	public Response send(String method, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
			Map<String, String> all = new LinkedHashMap<>();
			all.put("Host", "localhost:" + this.port);
			all.putAll(headers);
			all.put("Connection", "close");
			all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before taking the whole body.
			}
			return read(new java.io.BufferedInputStream(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String target, String... headers) {
		return send("GET", target, pairs(headers), new byte[0]);
	}

	/**
	 * A body in chunks of 64 KB, its length announced nowhere.
	 */
	public static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int chunk = 64 * 1024;
		for (int offset = 0; offset < body.length; offset += chunk) {
			int length = Math.min(chunk, body.length - offset);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(body, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	public static Map<String, String> pairs(String... headers) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < headers.length; i += 2) {
			map.put(headers[i], headers[i + 1]);
		}
		return map;
	}

	/**
	 * Reads one response, by its length or chunks: the server may keep reading (and
	 * dropping) a body it refused, so its end of the connection stays open.
	 */
	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		int end = -1;
		while (end < 0) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			received.write(b);
			end = indexOf(received.toByteArray(), CRLF_CRLF, Math.max(0, received.size() - 4));
		}
		String head = received.toString(StandardCharsets.ISO_8859_1);
		head = (end >= 0) ? head.substring(0, end) : head;
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<String[]> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(new String[] { lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip() });
		}
		boolean chunked = headers.stream()
			.anyMatch((h) -> h[0].equalsIgnoreCase("Transfer-Encoding") && h[1].equalsIgnoreCase("chunked"));
		Optional<Integer> length = headers.stream()
			.filter((h) -> h[0].equalsIgnoreCase("Content-Length"))
			.map((h) -> Integer.parseInt(h[1]))
			.findFirst();
		byte[] body;
		if (chunked) {
			body = readChunks(in);
		}
		else if (length.isPresent()) {
			body = in.readNBytes(length.get());
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] readChunks(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			String line = readLine(in);
			if (line == null) {
				return out.toByteArray();
			}
			int size = Integer.parseInt(line.split(";")[0].strip(), 16);
			if (size == 0) {
				return out.toByteArray();
			}
			out.writeBytes(in.readNBytes(size));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int b = in.read();
			if (b < 0) {
				return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
			}
			if (previous == '\r' && b == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
			previous = b;
		}
	}

	private static final byte[] CRLF_CRLF = { '\r', '\n', '\r', '\n' };

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		for (int i = from; i <= data.length - pattern.length; i++) {
			int j = 0;
			while (j < pattern.length && data[i + j] == pattern[j]) {
				j++;
			}
			if (j == pattern.length) {
				return i;
			}
		}
		return -1;
	}

	public record Response(int status, List<String[]> headers, String body) {

		public Optional<String> header(String name) {
			return this.headers.stream()
				.filter((h) -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
				.map((h) -> h[1])
				.findFirst();
		}

		public List<String> headers(String name) {
			return this.headers.stream().filter((h) -> h[0].equalsIgnoreCase(name)).map((h) -> h[1]).toList();
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(String.valueOf(this.status)).append('\n');
			this.headers.forEach((h) -> text.append(h[0]).append(": ").append(h[1]).append('\n'));
			return text.append('\n').append(this.body).toString();
		}

	}

}
