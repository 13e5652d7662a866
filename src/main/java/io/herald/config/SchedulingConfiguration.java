package io.herald.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (scheduled publishing) run in every instance; each job makes itself
 * safe to run concurrently by claiming its work in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
