package io.herald.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reads no body larger than its limit (issue 15, F8): a declared
 * {@code Content-Length} over it is answered 413 before a byte is read, and a body
 * without one (chunked) is counted as it is read and stops at the limit with
 * {@link TooLarge}, which becomes the same 413. The directory import takes CSV files and
 * has a larger limit of its own.
 */
class ApiBodyLimit extends OncePerRequestFilter {

	static final String IMPORT_PATH = "/api/v1/directory/import";

	private final long jsonLimit;

	private final long importLimit;

	private final ProblemResponses problems;

	ApiBodyLimit(DataSize jsonLimit, DataSize importLimit, ProblemResponses problems) {
		this.jsonLimit = jsonLimit.toBytes();
		this.importLimit = importLimit.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limit(request);
		if (request.getContentLengthLong() > limit) {
			this.problems.tooLarge(request, response, limit);
			return;
		}
		Limited limited = new Limited(request, limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!limited.exceeded() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			this.problems.tooLarge(request, response, limit);
			return;
		}
		if (limited.exceeded() && !response.isCommitted()) {
			response.reset();
			this.problems.tooLarge(request, response, limit);
		}
	}

	private long limit(HttpServletRequest request) {
		boolean importing = HttpMethod.POST.matches(request.getMethod())
				&& IMPORT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
		return importing ? this.importLimit : this.jsonLimit;
	}

	/**
	 * Thrown by a body read past the limit.
	 */
	static final class TooLarge extends IOException {

		private final long limit;

		TooLarge(long limit) {
			super("Request body larger than " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private Counting stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(encoding != null) ? encoding : java.nio.charset.StandardCharsets.UTF_8.name()));
		}

		boolean exceeded() {
			return this.stream != null && this.stream.exceeded;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream body;

		private final long limit;

		private long count;

		private boolean exceeded;

		Counting(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int read = this.body.read();
			if (read >= 0) {
				counted(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.body.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) throws TooLarge {
			this.count += bytes;
			if (this.count > this.limit) {
				this.exceeded = true;
				throw new TooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

}
