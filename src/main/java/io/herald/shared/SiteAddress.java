package io.herald.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach Herald ({@code herald.base-url}): the address links in e-mails start
 * with, and the only host redirects may name.
 *
 * @param baseUrl scheme, host, port and path prefix, without a trailing slash
 */
@ConfigurationProperties("herald")
public record SiteAddress(@DefaultValue("http://localhost:8080") String baseUrl) {

	public SiteAddress {
		baseUrl = baseUrl.replaceAll("/+$", "");
	}

}
