package io.herald.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much an API request may send ({@code herald.api.*}).
 *
 * @param maxBodySize any JSON body
 * @param maxImportSize a directory import's file
 */
@ConfigurationProperties("herald.api")
record ApiLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("20MB") DataSize maxImportSize) {

}
