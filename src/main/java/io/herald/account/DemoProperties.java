package io.herald.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether Herald runs as a demo: then accounts may be seeded with a shared password.
 *
 * @param enabled demo mode, with its demo organisation and accounts
 */
@ConfigurationProperties("herald.demo")
record DemoProperties(@DefaultValue("false") boolean enabled) {

}
