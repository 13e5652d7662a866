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
 * A text that may run over lines: bodies, summaries, notes. Line breaks (LF, and the CR
 * browsers send before it) and tabs are fine; every other control character is refused,
 * NUL above all, which PostgreSQL cannot store. {@code null} is fine. Text on one line
 * takes {@link SingleLine} instead.
 */
@Documented
@Constraint(validatedBy = MultiLine.Check.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

	String message() default "{validation.multiLine}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<MultiLine, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return accepts(value);
		}

		/**
		 * The same rule for text that arrives outside a form object (a note, a comment).
		 */
		public static boolean accepts(CharSequence value) {
			return value == null || value.chars().noneMatch(Check::refused);
		}

		static boolean refused(int c) {
			return Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
		}

	}

}
