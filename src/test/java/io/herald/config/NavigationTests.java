package io.herald.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The navigation link marked active for a path: the section it belongs to, as the
 * template's expressions used to work it out per link.
 */
class NavigationTests {

	@ParameterizedTest
	@CsvSource({ "/, home", "/feed, feed", "/announcements/42, feed", "/notifications, notifications",
			"/channels/company, channels", "/manage/announcements/7/edit, manage", "/manage/calendar, calendar",
			"/manage/channels, manage-channels", "/team, team", "/directory/org-chart, directory",
			"/procedures, procedures", "/crisis/incidents/3, crisis", "/insight/channels, insight",
			"/admin/directory, organisation", "/admin/directory/departments, organisation",
			"/admin/directory/import, import", "/admin/users/5, users", "/admin/policies, policies",
			"/admin/outbox, outbox", "/admin/audit, audit" })
	void aPathBelongsToTheSectionOfItsLink(String path, String section) {
		assertThat(Navigation.sectionOf(path)).isEqualTo(section);
	}

	@Test
	void aPathOutsideEverySectionMarksNothing() {
		assertThat(Navigation.sectionOf("/me")).isEmpty();
		assertThat(Navigation.sectionOf("/feedback")).isEmpty();
		assertThat(Navigation.sectionOf("/error")).isEmpty();
	}

}
