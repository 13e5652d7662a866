package io.herald.shared;

import java.util.List;

/**
 * A requested change was refused and nothing was changed; each problem names the field
 * (or {@code null} for the whole change) and a message code for the person who asked.
 */
public class InvalidChange extends RuntimeException {

	/**
	 * One reason, on one field, with optional message arguments.
	 */
	public record Problem(String field, String code, Object... arguments) {

		public Problem(String field, String code) {
			this(field, code, new Object[0]);
		}

	}

	private final List<Problem> problems;

	public InvalidChange(List<Problem> problems) {
		super("Change refused: " + problems.stream().map(Problem::code).toList());
		this.problems = List.copyOf(problems);
	}

	public InvalidChange(String field, String code) {
		this(List.of(new Problem(field, code)));
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * Throws when there is anything to refuse.
	 */
	public static void refuseIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidChange(problems);
		}
	}

}
