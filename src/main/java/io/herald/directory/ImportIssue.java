package io.herald.directory;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * An {@link ImportProblem} before it is put into words. The CSV reader and the planner
 * know what is wrong but not who will read it, so they give a message code and its
 * arguments; {@link DirectoryImport} words it in the reader's language.
 */
record ImportIssue(Integer line, String column, String code, Object... args) {

	ImportProblem worded(MessageSource messages, Locale locale) {
		return new ImportProblem(this.line, this.column, messages.getMessage(this.code, this.args, locale));
	}

}
