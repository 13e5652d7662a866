package io.herald.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API body limit as configured: a declared length over it is refused without reading,
 * an undeclared one stops being read at the limit, the import has its own.
 */
class ApiBodyLimitTests {

	final ApiBodyLimit limit = new ApiBodyLimit(DataSize.ofBytes(10), DataSize.ofBytes(20),
			new ProblemResponses(JsonMapper.builder().build()));

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedWithoutReading() throws Exception {
		MockHttpServletRequest request = post("/api/v1/announcements", new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void anUndeclaredLengthStopsBeingReadAtTheLimit() throws ServletException, IOException {
		HttpServletRequest request = chunked(post("/api/v1/announcements", new byte[11]));
		MockHttpServletResponse response = new MockHttpServletResponse();
		byte[][] read = new byte[1][];

		this.limit.doFilter(request, response, (req, res) -> read[0] = req.getInputStream().readNBytes(10));

		assertThat(read[0]).hasSize(10);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aBodyReadPastTheLimitByAHandlerThatLetTheFailureThroughIsA413() throws ServletException, IOException {
		HttpServletRequest request = chunked(post("/api/v1/announcements", new byte[11]));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.limit.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes());

		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void anUndeclaredLengthOverTheLimitThatNobodyAnsweredIsA413() throws ServletException, IOException {
		HttpServletRequest request = chunked(post("/api/v1/announcements", new byte[11]));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.limit.doFilter(request, response, (req, res) -> {
			try {
				req.getInputStream().readAllBytes();
			}
			catch (ApiBodyLimit.TooLarge ex) {
				// swallowed by whoever read
			}
		});

		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void theImportHasALimitOfItsOwn() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(post(ApiBodyLimit.IMPORT_PATH, new byte[20]), response, chain);

		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	/**
	 * The request as it arrives without a length: chunked.
	 */
	private static HttpServletRequest chunked(MockHttpServletRequest request) {
		request.removeHeader("Content-Length");
		return new HttpServletRequestWrapper(request) {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
	}

	private static MockHttpServletRequest post(String path, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContent(body);
		request.addHeader("Content-Length", body.length);
		return request;
	}

}
