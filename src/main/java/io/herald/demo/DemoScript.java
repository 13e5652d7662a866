package io.herald.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.herald.announcement.AnnouncementStatus;
import io.herald.announcement.Priority;
import io.herald.demo.DemoAnnouncements.People;
import io.herald.demo.DemoAnnouncements.Post;

/**
 * The 90 days as they happened, oldest first, then what is scheduled, drafted and in
 * review.
 */
final class DemoScript {

	private final Instant today;

	private final People people;

	private final List<Post> posts = new ArrayList<>();

	DemoScript(Instant now, People people) {
		this.today = now.truncatedTo(ChronoUnit.DAYS);
		this.people = people;
	}

	/**
	 * An instant {@code days} days before today at a UTC time (negative days are ahead).
	 */
	private Instant day(int days, int hour, int minute) {
		return this.today.minus(days, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
	}

	private Post post(String channel, long author, int daysAgo, int hour, int minute, Priority priority, String title,
			String summary, String body) {
		Post post = new Post(channel, author, day(daysAgo, hour, minute), priority, title, summary, body);
		this.posts.add(post);
		return post;
	}

	private Post ack(Post post, Duration due, double rate) {
		post.ackRequired = true;
		post.ackDueAt = post.at.plus(due);
		post.ackRate = rate;
		return post;
	}

	private long location(String name) {
		return this.people.locations.get(name);
	}

	private long department(String name) {
		return this.people.departments.get(name);
	}

	List<Post> posts() {
		People p = this.people;
		long comms = p.comms;
		long hr = p.hr;
		long admin = p.admin;
		long facilities = p.head("Facilities");
		long engineering = p.head("Engineering");
		long operations = p.head("Operations");
		long sales = p.head("Sales");
		long finance = p.head("Finance");
		long people = p.head("HR");

		post("company", comms, 89, 8, 30, Priority.INFO, "Welcome to Herald",
				"Company news, your department and your office in one feed.", """
						From today, company news, department updates and office notices arrive here in **Herald** \
						instead of the all-staff mailing list.

						- Your feed shows what is meant for you, unread and pinned posts first.
						- Some posts ask you to confirm you have read them: press **I have read and understood**.
						- Follow optional channels such as *Benefits* and *Social* from the channel list.

						Questions or feedback: reply to the Communications team on the Communications channel.""");
		post("it-status", admin, 87, 6, 0, Priority.INFO, "Planned maintenance: e-mail migration this weekend",
				"Mailboxes move to the new data centre on Saturday between 06:00 and 10:00 UTC.", """
						We are moving all mailboxes to the new data centre on **Saturday, 06:00–10:00 UTC**.

						- Outlook and phones may ask you to sign in again afterwards.
						- Mail sent to you during the window is queued and delivered, nothing is lost.

						If anything looks wrong on Monday, contact the Service Desk.""");
		Post conduct = ack(post("company", comms, 84, 9, 0, Priority.IMPORTANT, "Updated Code of Conduct",
				"Please read the updated Code of Conduct and confirm within two weeks.", """
						The Board has approved an updated **Code of Conduct**. The main changes:

						1. A clearer section on conflicts of interest, including side projects.
						2. Gifts and hospitality: the limit is now EUR 50 per occasion.
						3. Speak-up channel: you can now report concerns anonymously.

						Read the full document on the intranet and confirm below that you have read and \
						understood it."""), Duration.ofDays(14), 0.96);
		conduct.readRate = 0.97;
		post("social", comms, 82, 11, 15, Priority.INFO, "Summer picnic photos are up",
				"Thank you to everyone who came to the picnic in Łazienki Park.", """
						Thank you to the 140 of you who came, and to the Facilities team for the tents when it rained.

						Photos are in the *Social* album on the shared drive. If you would rather not appear \
						in one, tell us and we will take it down.""");
		post("engineering", engineering, 80, 7, 45, Priority.INFO, "Q4 engineering priorities",
				"Reliability first: what we commit to this quarter.", """
						Our priorities for the quarter, in order:

						1. **Reliability**: error budget for the customer API back in the green.
						2. **Security**: finish the move to short-lived credentials.
						3. **Delivery**: the new onboarding flow, end to end.

						Team leads will share team goals in their next planning.""");
		post("benefits", hr, 78, 8, 0, Priority.INFO, "New partner for sports cards",
				"From next month the sports card covers 4,000 gyms and pools.", """
						We are switching the sports card provider. The new card:

						- covers **4,000** gyms, pools and climbing walls across Poland and the UK;
						- costs the same for you, the company pays 70%;
						- can be ordered for a partner or child as well.

						Current cards keep working until the end of the month.""");
		post("krakow", comms, 76, 7, 30, Priority.INFO, "Kraków: car park resurfacing",
				"The car park is closed on Friday; use the public car park on Lea street.", """
						The office car park is being resurfaced on **Friday**. Please use the public car park on \
						Lea street; keep your receipt and claim it as a travel expense.""");
		post("finance", finance, 74, 9, 0, Priority.INFO, "Month-end close calendar",
				"Close dates for the quarter and the cut-off for journals.", """
						Journals for the month must be posted by **the third working day, 12:00 CET**. \
						The close calendar for the quarter is in the Finance folder.""");
		post("company", comms, 71, 13, 0, Priority.INFO, "Results of the engagement survey",
				"78% took part; thank you. What we heard and what happens next.", """
						**78%** of you took part in this year's engagement survey, our best turnout yet.

						What you told us:

						- you like the people you work with (89% favourable);
						- career paths are unclear (41% favourable);
						- too many meetings (54% favourable).

						Each department will hold a session on its own results within a month.""");
		Post mfa = ack(
				post("it-status", admin, 68, 7, 0, Priority.IMPORTANT, "Multi-factor authentication becomes mandatory",
						"From the 1st, every sign-in needs a second factor. Set yours up now.", """
								To protect our accounts, **multi-factor authentication** becomes mandatory for every \
								sign-in from the first of next month.

								1. Install an authenticator app on your phone.
								2. Open *My account → Security* and add the app.
								3. Keep the recovery codes somewhere safe.

								The Service Desk can help with hardware keys if you cannot use a phone."""),
				Duration.ofDays(10), 0.93);
		mfa.readRate = 0.95;
		post("london", comms, 66, 9, 30, Priority.INFO, "London: new coffee machines on floors 3 and 4",
				"Bean-to-cup machines, oat milk included.", """
						The new machines are in. Oat milk is in the fridge next to them; please tell Reception \
						when it runs out.""");
		post("operations", operations, 64, 6, 30, Priority.INFO, "Peak season staffing plan",
				"Temporary colleagues start in three weeks; buddies needed.", """
						We take on **25 temporary colleagues** for the peak season. Each needs a buddy for their \
						first week; volunteers, please tell your team lead by Friday.""");
		post("social", comms, 61, 12, 0, Priority.INFO, "Five-a-side football league starts",
				"Teams of five, Thursdays after work, all levels welcome.", """
						The inter-team football league is back. Sign up as a team or on your own and we will \
						place you. Games are on **Thursdays at 18:00**.""");
		Post drill = ack(
				post("warsaw", facilities, 59, 7, 0, Priority.IMPORTANT, "Fire evacuation drill on Thursday at 10:30",
						"The alarm will sound; leave by the nearest exit and meet at assembly point B.", """
								There will be a fire evacuation drill in the Warsaw office on **Thursday at 10:30**.

								- When the alarm sounds, leave by the nearest stairway. Do not use the lifts.
								- Meet at **assembly point B** (the square in front of the main entrance).
								- Fire wardens will check each floor.

								Confirm that you know your nearest exit."""),
				Duration.ofDays(3), 0.88);
		drill.readRate = 0.95;
		post("hr", people, 57, 8, 0, Priority.INFO, "Recruiting pipeline review",
				"We review open roles every second Tuesday from now on.", """
						From now on, the recruiting pipeline review is every second Tuesday at 10:00. \
						Bring the status of your open roles.""");
		Post remoteWork = ack(
				post("company", comms, 55, 9, 0, Priority.IMPORTANT, "Hybrid work policy for next year",
						"Two office days a week for office-based roles, and how to ask for exceptions.", """
								From January, office-based colleagues work **at least two days a week** in the office; \
								which days is agreed within each team.

								- Remote contracts are not affected.
								- Exceptions (care duties, health) are agreed with your manager and HR.
								- The home-office allowance continues.

								The full policy is on the intranet. Please confirm you have read it."""),
				Duration.ofDays(14), 0.9);
		remoteWork.readRate = 0.96;
		post("sales", sales, 53, 8, 30, Priority.INFO, "Q3 sales results",
				"112% of target; the Nordics closed the quarter strongest.", """
						We closed the quarter at **112% of target**. Congratulations to the Nordics team for the \
						largest single deal in our history. Commission statements arrive next week.""");
		Post outage = ack(post("it-status", admin, 51, 8, 5, Priority.CRITICAL, "Outage: VPN and e-mail unavailable",
				"We are restoring service. Do not restart your laptop; use Teams on your phone meanwhile.", """
						**VPN and e-mail are unavailable** for everyone since 08:00 UTC because of a failure in \
						our identity provider.

						- Do not restart your laptop or reset your password: it will not help.
						- For urgent matters, use Teams on your phone or call your manager.
						- We post the next update here within the hour.

						Confirm that you have seen this message."""), Duration.ofHours(2), 1.0);
		outage.expiresAt = outage.at.plus(1, ChronoUnit.DAYS);
		post("it-status", admin, 51, 11, 40, Priority.INFO, "Resolved: VPN and e-mail are back",
				"Service was restored at 11:20 UTC. A post-incident report follows.", """
						VPN and e-mail work again since **11:20 UTC**. Mail sent during the outage has been \
						delivered. We will share what went wrong and what we change in a post-incident report.""");
		// Facilities' only post is 75 days old: the channel map shows it dormant.
		post("facilities", facilities, 75, 7, 0, Priority.INFO, "New cleaning contractor",
				"Night shift cleaning changes to the new contractor from Monday.", """
						From Monday the new contractor takes over night cleaning at all sites. Access cards for \
						their staff are ready at Reception.""");
		post("benefits", hr, 47, 8, 0, Priority.INFO, "UK pension: annual statements are out",
				"Log in to the pension portal to see your statement.", """
						Annual pension statements are now in the provider's portal. If you have not registered, \
						use the letter sent to your home address.""").locations
			.add(location("London"));
		post("taipei", comms, 45, 1, 30, Priority.INFO, "Taipei: Mid-Autumn Festival gift boxes",
				"Collect your mooncake box from Reception this week.", """
						Mooncake gift boxes are at Reception on the 12th floor. Please collect yours by Friday; \
						there are vegan boxes as well.""");
		post("company", comms, 43, 9, 0, Priority.INFO, "Public holiday in Poland on 11 November",
				"Warsaw and Kraków offices are closed; support rota applies.", """
						Our Polish offices are closed on **11 November** for Independence Day. Customer support \
						runs the holiday rota; check your schedule with your team lead.""").locations
			.addAll(List.of(location("Warsaw"), location("Kraków")));
		post("communications", comms, 41, 10, 0, Priority.INFO, "New brand templates",
				"Slides and document templates with the refreshed brand.", """
						The refreshed slide and document templates are in the shared drive under *Brand*. Please \
						stop using the old ones from the end of the month.""");
		Post security = ack(post("company", comms, 39, 8, 0, Priority.IMPORTANT, "Annual information security training",
				"Complete the 30-minute course and confirm here by the due date.", """
						Everyone completes the **annual information security training** (about 30 minutes) in the \
						learning portal. This year covers:

						- spotting phishing, including messages that look internal;
						- handling customer data;
						- what to do when you lose a device.

						Confirm here once you have completed it."""), Duration.ofDays(21), 0.82);
		security.readRate = 0.93;
		post("engineering", engineering, 37, 7, 15, Priority.INFO, "Post-incident report: identity provider outage",
				"What happened on the day of the VPN outage and what we change.", """
						**Cause**: an expired signing certificate at our identity provider.

						**What we change**:

						1. Certificate expiry alerts 30, 14 and 3 days ahead.
						2. A break-glass account for e-mail.
						3. A runbook for the Service Desk.

						Thank you to everyone who helped restore service.""");
		post("remote", comms, 36, 14, 0, Priority.INFO, "Remote colleagues: home-office allowance",
				"The yearly allowance is paid with the next salary.", """
						The yearly home-office allowance is paid with the next salary. Receipts are not needed \
						for amounts up to the allowance.""");
		Post typhoon = ack(
				post("taipei", comms, 34, 0, 30, Priority.CRITICAL, "Typhoon warning: Taipei office closed today",
						"Stay at home; the office is closed. Confirm you are safe.", """
								The Central Weather Administration has issued a **land typhoon warning** for Taipei.

								- The **office is closed today**. Do not travel to work.
								- Stay indoors, away from windows, and keep your phone charged.
								- If you need help, call the emergency line **+886 2 2700 0000**.

								Confirm that you have received this message."""),
				Duration.ofHours(2), 1.0);
		typhoon.expiresAt = typhoon.at.plus(2, ChronoUnit.DAYS);
		post("taipei", comms, 33, 0, 15, Priority.INFO, "Taipei office reopens tomorrow",
				"The typhoon has passed; the building is undamaged.", """
						The typhoon has passed and the building is undamaged. The office reopens **tomorrow at \
						09:00**. Thank you for staying safe.""");
		post("social", comms, 31, 12, 0, Priority.INFO, "Charity run: we raised EUR 6,400",
				"Thank you to the 48 runners and everyone who donated.", """
						48 of us ran, walked or cycled and raised **EUR 6,400** for the children's hospital. \
						Thank you!""");
		Post pricing = ack(post("sales", sales, 29, 8, 0, Priority.IMPORTANT, "New discount approval limits",
				"Discounts above 15% now need the Sales Director's approval.", """
						From today:

						| discount | approved by |
						|---|---|
						| up to 10% | account executive |
						| 10–15% | regional sales manager |
						| above 15% | sales director |

						Please confirm you have read the new limits."""), Duration.ofDays(5), 0.92);
		pricing.readRate = 0.97;
		Post laptops = post("it-status", admin, 27, 6, 30, Priority.INFO, "Laptop refresh for 2022 models",
				"If your laptop is from 2022, IT contacts you about a replacement.", """
						Laptops bought in 2022 are replaced over the next six weeks. IT books a 30-minute \
						slot with you; please back up anything not in the cloud.""");
		laptops.departments.addAll(List.of(department("Engineering"), department("Operations")));
		Post safety = ack(post("operations", operations, 25, 6, 0, Priority.IMPORTANT,
				"Updated warehouse safety procedures", "New rules for forklift areas and high racking.", """
						After the near miss last month, the following apply from today in the **Kraków** \
						warehouse:

						- high-visibility vests in all forklift areas;
						- no one below high racking during loading;
						- report every near miss in the safety log the same day.

						Confirm that you have read the procedures."""), Duration.ofDays(4), 0.9);
		safety.locations.add(location("Kraków"));
		post("company", comms, 23, 13, 30, Priority.INFO, "Quarterly all-hands: recording and slides",
				"Missed the all-hands? Watch the recording.", """
						The recording and slides of the quarterly all-hands are on the intranet. Questions we \
						did not get to are answered in the FAQ below the recording.""");
		post("hr", people, 22, 8, 0, Priority.INFO, "Performance review calibration",
				"Calibration sessions are in the calendar; bring your draft ratings.", """
						Calibration sessions are scheduled for the next two weeks. Please have your draft \
						ratings in the HR system a day before your session.""");
		post("london", comms, 21, 9, 0, Priority.INFO, "London: lift maintenance on Saturday",
				"Lifts are out of service from 08:00 to 14:00.", """
						Both lifts are out of service on **Saturday from 08:00 to 14:00** for the annual \
						inspection. If you need step-free access, please work from home that day.""");
		Post enrolment = post("benefits", hr, 20, 8, 0, Priority.IMPORTANT, "Benefits open enrolment is open",
				"Choose your medical plan and extras by the end of the month.", """
						**Open enrolment** for next year runs until the end of the month.

						- Choose between the *Standard* and *Plus* medical plans.
						- Add a partner or children.
						- New this year: dental cover and a mental-health app.

						If you do nothing, your current choices continue.""");
		enrolment.readRate = 0.9;
		enrolment.pinnedUntil = day(-9, 23, 0);
		post("warsaw", facilities, 19, 7, 30, Priority.INFO, "Warsaw: new bicycle room",
				"Level -1, with showers and lockers.", """
						The new bicycle room on level -1 is open, with 40 racks, showers and lockers. Register \
						your card at Reception to get access.""");
		post("finance", finance, 18, 9, 0, Priority.INFO, "New expense tool",
				"Submit expenses through the new app from next month.", """
						From next month, expenses go through the new app: photograph the receipt and submit. \
						Old forms are accepted until the end of this month.""");
		post("social", comms, 17, 12, 0, Priority.INFO, "Board games night",
				"Thursday at 18:00 in the Warsaw kitchen and the London lounge.", """
						Bring a game or play one of ours. Pizza is on us.""").locations
			.addAll(List.of(location("Warsaw"), location("London")));
		post("engineering", engineering, 15, 7, 0, Priority.INFO, "On-call rota for December",
				"The December rota is published; swap requests by Friday.", """
						The December on-call rota is in the wiki. Ask for swaps by **Friday**, and remember the \
						holiday bonus for the 24th–26th.""");
		post("it-status", admin, 14, 6, 0, Priority.INFO, "Phishing attempt: fake parcel notifications",
				"Do not open 'parcel on hold' messages; report them with the Report button.", """
						We see a wave of fake parcel notifications that ask you to pay a small fee. **Do not \
						open the link.** Use the *Report phishing* button in Outlook.""");
		post("company", comms, 13, 9, 0, Priority.INFO, "Welcome to our new colleagues",
				"Eleven people joined us this month.", """
						Please welcome the eleven people who joined this month, in Engineering, Sales and \
						Operations. Say hello when you see them!""");
		post("operations", operations, 12, 6, 0, Priority.INFO, "Customer support: new opening hours",
				"Support is open until 20:00 CET on weekdays from next week.", """
						From next week customer support is open **08:00–20:00 CET** on weekdays. Team leads \
						have the new rota.""");
		post("krakow", comms, 11, 7, 0, Priority.INFO, "Kraków: heating test on Wednesday",
				"Radiators may be cold in the morning.", """
						The building manager tests the heating on **Wednesday morning**. It may be cold until \
						about 11:00.""");
		Post codingStandard = ack(
				post("engineering", engineering, 9, 7, 0, Priority.IMPORTANT,
						"Secure coding standard v3: read and confirm",
						"Version 3 of the secure coding standard applies to all code reviews from now on.", """
								Version 3 of the **secure coding standard** is live. The main changes:

								- dependency updates are checked in every build;
								- secrets never in configuration files, only in the vault;
								- every external input is validated at the boundary.

								Reviewers will apply it from today. Please read it and confirm."""),
				Duration.ofDays(4), 0.78);
		codingStandard.readRate = 0.9;
		codingStandard.unreadByEmployee = true;
		Post vpn = post("it-status", admin, 8, 6, 30, Priority.INFO, "Maintenance window: VPN gateway upgrade",
				"Saturday 22:00–23:00 UTC; expect short disconnects.", """
						We upgrade the VPN gateways on **Saturday 22:00–23:00 UTC**. You may be disconnected \
						briefly; reconnect and carry on.""");
		vpn.expiresAt = day(7, 23, 0);
		post("benefits", hr, 7, 8, 0, Priority.INFO, "Reminder: enrolment closes soon",
				"Fewer than 10 days left to choose your benefits.", """
						Fewer than ten days left to choose your benefits for next year. It takes five minutes in \
						the benefits portal.""");
		post("sales", sales, 6, 8, 0, Priority.INFO, "Sales kick-off: save the date",
				"The kick-off is in the second week of January, in London.", """
						Our annual sales kick-off is in **London, second week of January**. Travel booking opens \
						next week.""");
		post("remote", comms, 5, 14, 0, Priority.INFO, "Remote team: virtual coffee roulette",
				"Sign up and meet a random colleague for 20 minutes every fortnight.", """
						Sign up for coffee roulette and we pair you with a colleague from another team every \
						two weeks.""");
		Post closures = post("company", comms, 4, 9, 0, Priority.INFO, "Offices over the holidays",
				"Which offices are open between Christmas and New Year.", """
						| office | 24–26 Dec | 27–31 Dec | 1 Jan |
						|---|---|---|---|
						| Warsaw | closed | open 9–15 | closed |
						| Kraków | closed | open 9–15 | closed |
						| London | closed | open 9–17 | closed |
						| Taipei | open | open | closed |

						Support follows its holiday rota.""");
		closures.pinnedUntil = day(-20, 23, 0);
		closures.unreadByEmployee = true;
		post("taipei", comms, 3, 1, 0, Priority.INFO, "Taipei: health check appointments",
				"Annual health checks are booked; find your slot in the calendar.", """
						Annual health checks at the clinic on Dunhua South Road are booked. Your slot is in \
						your calendar; fasting from midnight before.""");
		Post wifi = post("warsaw", facilities, 3, 7, 0, Priority.INFO, "Warsaw: new Wi-Fi on floors 5 and 6",
				"Connect to Herald-Staff with your usual sign-in.", """
						The new Wi-Fi is live on floors 5 and 6. Connect to **Herald-Staff** with your usual \
						sign-in; the old network goes away next week.""");
		wifi.unreadByEmployee = true;
		Post party = post("social", comms, 2, 12, 0, Priority.INFO, "Winter party: registration is open",
				"Register by Friday; partners welcome.", """
						Our winter party is on the **second Friday of December**. Register by this Friday and \
						tell us about dietary needs. Partners are welcome.""");
		party.unreadByEmployee = true;
		Post printers = post("it-status", admin, 1, 7, 0, Priority.INFO, "Printers: new secure print queue",
				"Print jobs now wait until you tap your card at the printer.", """
						All printers now use **secure print**: send your job, then tap your card at any printer \
						to release it. Jobs not released within 24 hours are deleted.""");
		printers.unreadByEmployee = true;
		post("hr", people, 1, 8, 0, Priority.INFO, "Year-end leave balances",
				"Remind your teams that up to five days carry over.", """
						Up to five days of unused leave carry over into next year; the rest expires on 31 March. \
						Please remind your teams.""");

		// Archived: taken down after the partner changed.
		Post gym = post("benefits", hr, 70, 8, 0, Priority.INFO, "Gym discount with CityFit",
				"15% off CityFit memberships for employees.", """
						Show your badge at any CityFit club for 15% off a monthly membership.""");
		gym.status = AnnouncementStatus.ARCHIVED;
		gym.archivedAt = day(40, 9, 0);

		// Ahead: scheduled, drafted and waiting for review.
		Post holidays = post("company", comms, 1, 6, 0, Priority.INFO, "Holiday greetings from the leadership team",
				"Thank you for this year.", """
						Thank you for everything you did this year. We wish you and your families a restful \
						break.""");
		holidays.status = AnnouncementStatus.SCHEDULED;
		holidays.scheduledAt = day(-3, 9, 0);
		Post maintenance = post("it-status", admin, 1, 6, 0, Priority.IMPORTANT,
				"Planned maintenance: HR system upgrade",
				"The HR system is unavailable on Saturday from 07:00 to 15:00 UTC.", """
						The HR system is upgraded on **Saturday, 07:00–15:00 UTC**. Leave requests and payslips \
						are unavailable during the window.""");
		maintenance.status = AnnouncementStatus.SCHEDULED;
		maintenance.scheduledAt = day(-2, 7, 0);
		Post quiz = post("social", comms, 1, 6, 0, Priority.INFO, "Christmas quiz: form your teams",
				"Teams of four, online and in the offices.", """
						The Christmas quiz is back: teams of four, mixing offices is encouraged.""");
		quiz.status = AnnouncementStatus.SCHEDULED;
		quiz.scheduledAt = day(-5, 12, 0);
		Post volunteering = post("social", comms, 1, 15, 0, Priority.INFO, "Volunteering day: save the date",
				"Each of us gets one paid volunteering day next year.", """
						Draft: dates and partner charities to be confirmed.""");
		volunteering.status = AnnouncementStatus.DRAFT;
		Post offsite = post("engineering", engineering, 2, 10, 0, Priority.INFO, "Engineering offsite agenda",
				"Two days in Kraków in February.", """
						Draft agenda:

						1. Architecture review
						2. Reliability retrospective
						3. Team time""");
		offsite.status = AnnouncementStatus.DRAFT;
		Post coo = post("company", p.commsHead, 1, 11, 0, Priority.INFO, "Welcome our new Chief Operating Officer",
				"Introducing the new COO, who starts in January.", """
						We are delighted to announce that our new **Chief Operating Officer** joins us in \
						January. She comes from twenty years in logistics and customer operations.

						She will spend her first weeks visiting every office.""");
		coo.status = AnnouncementStatus.IN_REVIEW;
		return this.posts;
	}

}
