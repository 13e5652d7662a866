package io.herald.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.herald.shared.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the directory CSV: UTF-8 (a BOM tolerated), commas, a header row with
 * case-insensitive names. Reading checks the shape of the file only; what the values mean
 * is the planner's job.
 */
final class DirectoryCsv {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	static final int MAX_ERRORS = 500;

	// A real header is a few hundred characters; anything longer is not a CSV we wrote.
	private static final int MAX_HEADER_CHARS = 4096;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	private DirectoryCsv() {
	}

	/**
	 * One data row: its line in the file and the cleaned value of every column the file
	 * has (empty cells as empty strings).
	 */
	record Row(int line, Map<ImportColumn, String> values) {

		boolean has(ImportColumn column) {
			return this.values.containsKey(column);
		}

		String get(ImportColumn column) {
			return this.values.get(column);
		}

	}

	record Parsed(List<ImportColumn> columns, List<Row> rows, List<ImportIssue> errors) {

		boolean has(ImportColumn column) {
			return this.columns.contains(column);
		}

	}

	static Parsed parse(byte[] bytes) {
		List<ImportIssue> errors = new ArrayList<>();
		if (bytes.length > MAX_BYTES) {
			return failed(null, "directoryImport.problem.fileTooLarge", MAX_BYTES / 1024 / 1024);
		}
		int start = startsWith(bytes, BOM) ? BOM.length : 0;
		String text;
		try {
			text = decode(bytes, start);
		}
		catch (NotUtf8 ex) {
			return failed(ex.line, "directoryImport.problem.notUtf8", ex.line, String.format("%02X", ex.badByte));
		}
		if (text.isBlank()) {
			return failed(1, "directoryImport.problem.fileEmpty");
		}
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			return failed(lineAt(text, nul), "directoryImport.problem.binary");
		}
		int headerEnd = text.indexOf('\n');
		String headerLine = (headerEnd >= 0) ? text.substring(0, headerEnd) : text;
		if (headerLine.length() > MAX_HEADER_CHARS) {
			return failed(1, "directoryImport.problem.notAHeader", headerLine.length());
		}
		List<ImportColumn> columns = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			var records = parser.iterator();
			if (!records.hasNext()) {
				return failed(1, "directoryImport.problem.fileEmpty");
			}
			readHeader(records.next(), columns, errors);
			if (!errors.isEmpty()) {
				return new Parsed(List.of(), List.of(), errors);
			}
			List<Row> rows = new ArrayList<>();
			int[] lineStarts = lineStarts(text);
			int lastLine = 1;
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					// The parser only notices at the end of the file; the broken row is
					// the
					// one after the last good one.
					errors.add(new ImportIssue(lastLine + 1, null, "directoryImport.problem.quoteUnclosed"));
					break;
				}
				int line = lineOf(lineStarts, firstContent(text, record.getCharacterPosition()));
				lastLine = line;
				if (isBlank(record)) {
					continue;
				}
				if (record.size() != columns.size()) {
					String code = (record.size() == 1 && record.get(0).contains(";"))
							? "directoryImport.problem.valueCountSemicolons" : "directoryImport.problem.valueCount";
					errors.add(new ImportIssue(line, null, code, record.size(), columns.size()));
				}
				else {
					Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
					for (int i = 0; i < columns.size(); i++) {
						values.put(columns.get(i), clean(record.get(i)));
					}
					rows.add(new Row(line, values));
				}
				if (errors.size() >= MAX_ERRORS) {
					errors.add(new ImportIssue(line, null, "directoryImport.problem.tooMany", MAX_ERRORS));
					return new Parsed(columns, List.of(), errors);
				}
			}
			if (rows.isEmpty() && errors.isEmpty()) {
				errors.add(new ImportIssue(2, null, "directoryImport.problem.noPeople"));
			}
			return new Parsed(columns, rows, errors);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			return failed(1, "directoryImport.problem.notCsv");
		}
	}

	private static void readHeader(CSVRecord header, List<ImportColumn> columns, List<ImportIssue> errors) {
		if (header.size() == 1) {
			String only = header.get(0);
			if (only.contains(";")) {
				errors.add(new ImportIssue(1, null, "directoryImport.problem.headerSemicolons"));
				return;
			}
			if (only.contains("\t")) {
				errors.add(new ImportIssue(1, null, "directoryImport.problem.headerTabs"));
				return;
			}
		}
		Set<ImportColumn> seen = new HashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String name = stripBom(header.get(i)).strip();
			ImportColumn column = ImportColumn.fromHeader(name);
			if (name.isEmpty()) {
				errors.add(new ImportIssue(1, null, "directoryImport.problem.columnUnnamed", i + 1));
			}
			else if (column == null) {
				String shown = (name.length() > 40) ? name.substring(0, 40) + "…" : name;
				errors.add(new ImportIssue(1, shown, "directoryImport.problem.columnUnknown", shown,
						ImportColumn.ALLOWED));
			}
			else if (!seen.add(column)) {
				errors.add(new ImportIssue(1, column.header(), "directoryImport.problem.columnTwice", name));
			}
			columns.add(column);
			if (errors.size() >= MAX_ERRORS) {
				return;
			}
		}
		for (ImportColumn required : ImportColumn.values()) {
			if (required.required() && !seen.contains(required)) {
				errors.add(new ImportIssue(1, required.header(), "directoryImport.problem.columnMissing",
						required.header()));
			}
		}
	}

	/**
	 * A cell's value as stored: trimmed, and without the apostrophe the export puts in
	 * front of values a spreadsheet would run as a formula.
	 */
	static String clean(String cell) {
		return SpreadsheetCells.restore(cell.strip());
	}

	/**
	 * A value as the export writes it, formula-like values made inert (see
	 * {@link SpreadsheetCells}).
	 */
	static String neutralise(String value) {
		return SpreadsheetCells.neutralise(value);
	}

	static byte[] bom() {
		return BOM.clone();
	}

	private static Parsed failed(Integer line, String code, Object... args) {
		return new Parsed(List.of(), List.of(), List.of(new ImportIssue(line, null, code, args)));
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String stripBom(String value) {
		return (!value.isEmpty() && value.charAt(0) == '\uFEFF') ? value.substring(1) : value;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * Decodes strictly: malformed bytes are reported with their line, never replaced.
	 */
	private static String decode(byte[] bytes, int start) throws NotUtf8 {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length - start);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int position = in.position();
			int line = 1;
			for (int i = start; i < position; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new NotUtf8(line, bytes[position] & 0xFF);
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

	// A record's position includes the blank lines the parser skipped before it.
	private static long firstContent(String text, long position) {
		int i = (int) position;
		while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
			i++;
		}
		return i;
	}

	private static int[] lineStarts(String text) {
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				count++;
			}
		}
		int[] starts = new int[count];
		int line = 1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts[line++] = i + 1;
			}
		}
		return starts;
	}

	private static int lineOf(int[] lineStarts, long position) {
		int index = Arrays.binarySearch(lineStarts, (int) position);
		return (index >= 0) ? index + 1 : -index - 1;
	}

	private static int lineAt(String text, int position) {
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static final class NotUtf8 extends Exception {

		private final int line;

		private final int badByte;

		NotUtf8(int line, int badByte) {
			super(null, null, false, false);
			this.line = line;
			this.badByte = badByte;
		}

	}

}
