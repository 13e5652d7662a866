package io.herald.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text on one line: titles, names, slugs, e-mail addresses, labels. Control characters
 * (CR, LF, tab, NUL and the rest of Unicode's Cc) and the Unicode line and paragraph
 * separators are refused: a line break would split a subject line, a CSV row or a log
 * entry, and PostgreSQL cannot store NUL at all. {@code null} is fine (other constraints
 * say whether a value is required). Multi-line text takes {@link MultiLine} instead.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "{validation.singleLine}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<SingleLine, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.chars().noneMatch(Check::breaksTheLine);
		}

		static boolean breaksTheLine(int c) {
			return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
		}

	}

}
