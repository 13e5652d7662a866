package io.herald.shared;

/**
 * CSV cells that spreadsheets open safely: a value that a spreadsheet would run as a
 * formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is written with one leading apostrophe, which makes it inert. Every CSV export
 * writes its cells through {@link #neutralise}.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/**
	 * A value as an export writes it. Values that already start with apostrophes before a
	 * formula character get one more, so that {@link #restore} gives them back exactly.
	 */
	public static String neutralise(String value) {
		if (value == null) {
			return "";
		}
		return isFormulaLike(value) ? "'" + value : value;
	}

	/**
	 * A cell as an import reads it back: without the apostrophe {@link #neutralise} put
	 * in front.
	 */
	public static String restore(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'' && isFormulaLike(cell.substring(1))) {
			return cell.substring(1);
		}
		return cell;
	}

	/**
	 * Whether a spreadsheet would take the value, after any leading apostrophes, for a
	 * formula.
	 */
	public static boolean isFormulaLike(String value) {
		int i = 0;
		while (i < value.length() && value.charAt(i) == '\'') {
			i++;
		}
		if (i >= value.length()) {
			return false;
		}
		char first = value.charAt(i);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
