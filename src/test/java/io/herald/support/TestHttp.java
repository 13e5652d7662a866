package io.herald.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client against a running Herald, with its own cookie jar: what a browser
 * does without the browser, for tests about headers, cookies and sign-in.
 */
public final class TestHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public TestHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public HttpResponse<String> page(String path) {
		return get(path, "Accept", "text/html");
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * The value of an HTTP Basic {@code Authorization} header.
	 */
	public static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> getWithBasic(String path, String email, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return get(path, "Authorization", "Basic " + credentials, "Accept", "application/json");
	}

	/**
	 * Posts a body with HTTP Basic credentials, as an API client does.
	 */
	public HttpResponse<String> postWithBasic(String path, String contentType, byte[] body, String email,
			String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	/**
	 * Posts without a body (and so without a content type) with HTTP Basic credentials,
	 * plus any extra headers.
	 */
	public HttpResponse<String> postEmptyWithBasic(String path, String email, String password, String... headers) {
		String credentials = Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * Posts a body with exactly these headers (and no credentials unless given), as any
	 * client or a page on another site might.
	 */
	public HttpResponse<String> post(String path, byte[] body, String... headers) {
		return send("POST", path, body, headers);
	}

	/**
	 * Sends a request with any method, body and headers.
	 */
	public HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * Posts a multipart form with one file, as a browser uploads it.
	 */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "----herald-test-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/**
	 * Gets a response as bytes, for downloads that must be compared exactly.
	 */
	public HttpResponse<byte[]> download(String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs in through the login form, CSRF token and all; returns the response to the
	 * form post.
	 */
	public HttpResponse<String> signIn(String email, String password) {
		String token = csrfToken(page("/login").body());
		return postForm("/login", Map.of("username", email, "password", password, "_csrf", token));
	}

	public Optional<String> sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
