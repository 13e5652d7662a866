package io.herald.directory;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A directory change was refused; each problem names the field and a message code.
 */
@NamedInterface("api")
public class InvalidDirectoryChange extends RuntimeException {

	/**
	 * One reason, on one field ({@code null} for the whole change).
	 */
	public record Problem(String field, String code) {

	}

	private final List<Problem> problems;

	InvalidDirectoryChange(List<Problem> problems) {
		super("Directory change refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	/**
	 * Refuses the change when anything is wrong with it.
	 */
	static void refuseIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidDirectoryChange(problems);
		}
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
