package io.herald.announcement;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * For the publishing benchmarks ({@code @Import(ListenerTimes.Setup.class)}): the
 * context's event multicaster, timing each listener of {@link AnnouncementPublished} by
 * the class it is in, so that a publication's time can be split into publishing's own
 * statements and each module's reaction. Events published by a listener count in that
 * listener's time. One publication at a time.
 */
class ListenerTimes extends SimpleApplicationEventMulticaster {

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	@Override
	protected void invokeListener(ApplicationListener<?> listener, ApplicationEvent event) {
		String name = name(listener);
		if (name == null || !(event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof AnnouncementPublished)) {
			super.invokeListener(listener, event);
			return;
		}
		long start = System.nanoTime();
		try {
			super.invokeListener(listener, event);
		}
		finally {
			synchronized (this.nanos) {
				this.nanos.merge(name, System.nanoTime() - start, Long::sum);
			}
		}
	}

	/**
	 * Nanoseconds per listener's class since the last call, in the order they ran.
	 */
	Map<String, Long> take() {
		synchronized (this.nanos) {
			Map<String, Long> taken = new LinkedHashMap<>(this.nanos);
			this.nanos.clear();
			return taken;
		}
	}

	// "io.herald.notification.PostNotices.on(io.herald.announcement.…)" → "PostNotices";
	// null for a listener that is not an @EventListener method (Boot's own, which hand
	// the event on to nobody here): its time stays with the publisher's.
	private static String name(ApplicationListener<?> listener) {
		String id = (listener instanceof SmartApplicationListener smart) ? smart.getListenerId() : "";
		if (!id.contains("(")) {
			return null;
		}
		String method = id.substring(0, id.indexOf('('));
		String type = method.substring(0, method.lastIndexOf('.'));
		return type.substring(type.lastIndexOf('.') + 1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
		ListenerTimes applicationEventMulticaster() {
			return new ListenerTimes();
		}

	}

}
