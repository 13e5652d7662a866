package io.herald.directory;

/**
 * One thing wrong with an import file, where it is and what to do about it.
 *
 * @param line the line of the file, counting the header as line 1; {@code null} when the
 * problem is not on one line
 * @param column the column's name as the header spells it; {@code null} when the problem
 * is with the whole row or file
 * @param message a sentence in the reader's language
 */
public record ImportProblem(Integer line, String column, String message) {

}
