package io.herald.config;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;

/**
 * How every form binds its lists, so no form can forget it. A list grows to at most
 * {@link #LONGEST_LIST} rows, and a row the form cannot have ({@code steps[9999]},
 * {@code contacts[-1]}, {@code contacts[abc]}) is a 400 page with nothing changed, where
 * Spring would otherwise throw out of binding and answer 500. (The API answers the same
 * as problem details: see {@link ApiExceptionHandler}.)
 */
@ControllerAdvice
class FormBinding {

	/**
	 * Rows any list in a form may have; well above what the forms offer (a plan's
	 * checklist is the longest) and well below what would cost memory.
	 */
	static final int LONGEST_LIST = 100;

	// What stands in brackets in a field name: steps[12].description, contacts[-1].
	private static final Pattern KEY = Pattern.compile("\\[([^\\]]*)]");

	private static final Pattern ROW = Pattern.compile("\\d{1,3}");

	@InitBinder
	void limitLists(WebDataBinder binder, WebRequest request) {
		binder.setAutoGrowCollectionLimit(LONGEST_LIST);
		Class<?> form = (binder.getTarget() != null) ? binder.getTarget().getClass()
				: ((binder.getTargetType() != null) ? binder.getTargetType().resolve() : null);
		if (form != null) {
			// Spring turns a row beyond the limit into an InvalidPropertyException but
			// lets a negative or non-numeric one escape as an IndexOutOfBoundsException
			// or a NumberFormatException: refuse them all before binding starts. (The
			// forms have lists, no maps, so every key is a row number.)
			request.getParameterNames().forEachRemaining((name) -> refuseBadRows(form, name));
		}
	}

	private static void refuseBadRows(Class<?> form, String name) {
		Matcher key = KEY.matcher(name);
		while (key.find()) {
			String row = key.group(1);
			if (!ROW.matcher(row).matches() || Integer.parseInt(row) >= LONGEST_LIST) {
				throw new InvalidPropertyException(form, name,
						"[" + row + "] is not a row number from 0 to " + (LONGEST_LIST - 1));
			}
		}
	}

	@ExceptionHandler(InvalidPropertyException.class)
	void unreadable(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
