package io.herald.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a form may send its person back after posting: a path in Herald, never another
 * site. Anything that is not plainly a local path is ignored.
 */
public final class LocalPaths {

	// One slash, then path characters and an optional simple query: no scheme, no
	// host, no "//" or "/\" (which browsers read as another host), no fragment.
	private static final Pattern LOCAL = Pattern
		.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/%]*(\\?[A-Za-z0-9\\-._~%=&+]*)?");

	private static final int MAX_LENGTH = 500;

	private LocalPaths() {
	}

	public static Optional<String> safe(String path) {
		if (path == null || path.length() > MAX_LENGTH || !LOCAL.matcher(path).matches()) {
			return Optional.empty();
		}
		return Optional.of(path);
	}

}
