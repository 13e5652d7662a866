package io.herald.config;

import java.util.List;
import java.util.Map;

import io.herald.shared.Callers;
import io.herald.shared.Role;

/**
 * Which parts of the navigation a signed-in person may use, decided once per page from
 * their roles rather than by a security expression per link, and which section a path
 * belongs to (the link marked active). Getters, because the templates read them.
 */
public final class Navigation {

	// Longest prefix first where one contains another.
	private static final List<Map.Entry<String, String>> SECTIONS = List.of(Map.entry("/announcements/", "feed"),
			Map.entry("/notifications", "notifications"), Map.entry("/channels", "channels"),
			Map.entry("/manage/announcements", "manage"), Map.entry("/manage/calendar", "calendar"),
			Map.entry("/manage/channels", "manage-channels"), Map.entry("/team", "team"),
			Map.entry("/directory", "directory"), Map.entry("/procedures", "procedures"),
			Map.entry("/crisis", "crisis"), Map.entry("/insight", "insight"),
			Map.entry("/admin/directory/import", "import"), Map.entry("/admin/directory", "organisation"),
			Map.entry("/admin/users", "users"), Map.entry("/admin/policies", "policies"),
			Map.entry("/admin/outbox", "outbox"), Map.entry("/admin/audit", "audit"));

	private final boolean commsOrHr;

	private final boolean commsOrAdmin;

	private final boolean staff;

	private final boolean hrOrAdmin;

	private final boolean admin;

	private Navigation(boolean commsOrHr, boolean commsOrAdmin, boolean staff, boolean hrOrAdmin, boolean admin) {
		this.commsOrHr = commsOrHr;
		this.commsOrAdmin = commsOrAdmin;
		this.staff = staff;
		this.hrOrAdmin = hrOrAdmin;
		this.admin = admin;
	}

	/**
	 * The navigation of the person signed in on this thread.
	 */
	static Navigation ofCaller() {
		return new Navigation(Callers.hasAnyRole(Role.COMMS_MANAGER, Role.HR),
				Callers.hasAnyRole(Role.COMMS_MANAGER, Role.ADMIN),
				Callers.hasAnyRole(Role.COMMS_MANAGER, Role.HR, Role.ADMIN), Callers.hasAnyRole(Role.HR, Role.ADMIN),
				Callers.hasAnyRole(Role.ADMIN));
	}

	/**
	 * The section of the navigation a path belongs to ({@code data-nav} of its link);
	 * empty for a path outside every section.
	 */
	static String sectionOf(String path) {
		if (path.equals("/")) {
			return "home";
		}
		if (path.equals("/feed")) {
			return "feed";
		}
		for (Map.Entry<String, String> section : SECTIONS) {
			if (path.startsWith(section.getKey())) {
				return section.getValue();
			}
		}
		return "";
	}

	/** The content calendar, besides everyone who posts anywhere. */
	public boolean isCommsOrHr() {
		return this.commsOrHr;
	}

	/** Channel administration. */
	public boolean isCommsOrAdmin() {
		return this.commsOrAdmin;
	}

	/** Crisis and insight. */
	public boolean isStaff() {
		return this.staff;
	}

	/** The organisation and the directory import. */
	public boolean isHrOrAdmin() {
		return this.hrOrAdmin;
	}

	/** Accounts, policies, the outbox and the audit log. */
	public boolean isAdmin() {
		return this.admin;
	}

}
