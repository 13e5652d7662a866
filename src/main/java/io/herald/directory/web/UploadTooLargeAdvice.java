package io.herald.directory.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit is refused before any controller runs; send the person
 * back to the import form with a message instead of an error page. (Most such uploads are
 * already turned back by {@link UploadSizeGuard}; this catches the ones without a
 * declared length.)
 */
@ControllerAdvice
class UploadTooLargeAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge() {
		return "redirect:" + DirectoryImportController.PATH + "?tooLarge";
	}

}
