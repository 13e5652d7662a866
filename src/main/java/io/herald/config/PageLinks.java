package io.herald.config;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links to another page of the list being shown, keeping its search and filters.
 * Templates call it as {@code ${@pageLinks.to(n)}} (see
 * {@code fragments/pagination.html}).
 */
@Component("pageLinks")
class PageLinks {

	public String to(int page) {
		UriComponents link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
		return link.getPath() + "?" + link.getQuery();
	}

}
