package io.herald.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Names that fit where people work: Polish in Poland, Chinese (with the romanisation used
 * in their e-mail) in Taipei, English in London and for remote staff.
 */
final class DemoNames {

	record Name(String firstName, String lastName, String emailLocalPart, String language) {

	}

	enum Culture {

		POLISH, TAIWANESE, ENGLISH

	}

	private static final List<String> POLISH_WOMEN = List.of("Anna", "Małgorzata", "Katarzyna", "Agnieszka",
			"Magdalena", "Joanna", "Aleksandra", "Zofia", "Ewa", "Natalia", "Justyna", "Dorota", "Weronika", "Paulina",
			"Beata", "Iwona", "Julia", "Maja", "Żaneta", "Łucja");

	private static final List<String> POLISH_MEN = List.of("Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin",
			"Łukasz", "Jakub", "Grzegorz", "Mateusz", "Wojciech", "Adam", "Bartłomiej", "Jędrzej", "Szymon", "Kamil",
			"Przemysław", "Dariusz", "Rafał", "Maciej");

	// Masculine and feminine forms of the same family name.
	private static final List<String[]> POLISH_SURNAMES = List.of(new String[] { "Nowak", "Nowak" },
			new String[] { "Kowalski", "Kowalska" }, new String[] { "Wiśniewski", "Wiśniewska" },
			new String[] { "Wójcik", "Wójcik" }, new String[] { "Kowalczyk", "Kowalczyk" },
			new String[] { "Kamiński", "Kamińska" }, new String[] { "Lewandowski", "Lewandowska" },
			new String[] { "Zieliński", "Zielińska" }, new String[] { "Szymański", "Szymańska" },
			new String[] { "Woźniak", "Woźniak" }, new String[] { "Dąbrowski", "Dąbrowska" },
			new String[] { "Kozłowski", "Kozłowska" }, new String[] { "Jankowski", "Jankowska" },
			new String[] { "Mazur", "Mazur" }, new String[] { "Krawczyk", "Krawczyk" },
			new String[] { "Piotrowski", "Piotrowska" }, new String[] { "Grabowski", "Grabowska" },
			new String[] { "Pawłowski", "Pawłowska" }, new String[] { "Michalski", "Michalska" },
			new String[] { "Król", "Król" }, new String[] { "Wieczorek", "Wieczorek" },
			new String[] { "Jabłoński", "Jabłońska" }, new String[] { "Żak", "Żak" },
			new String[] { "Gołębiowski", "Gołębiowska" });

	// Family name and given name in characters, with their Wade-Giles style romanisation.
	private static final List<String[]> TAIWANESE_SURNAMES = List.of(new String[] { "陳", "chen" },
			new String[] { "林", "lin" }, new String[] { "黃", "huang" }, new String[] { "張", "chang" },
			new String[] { "李", "lee" }, new String[] { "王", "wang" }, new String[] { "吳", "wu" },
			new String[] { "劉", "liu" }, new String[] { "蔡", "tsai" }, new String[] { "楊", "yang" },
			new String[] { "許", "hsu" }, new String[] { "鄭", "cheng" }, new String[] { "謝", "hsieh" },
			new String[] { "郭", "kuo" }, new String[] { "洪", "hung" }, new String[] { "曾", "tseng" });

	private static final List<String[]> TAIWANESE_GIVEN = List.of(new String[] { "怡君", "yichun" },
			new String[] { "志明", "chihming" }, new String[] { "雅婷", "yating" }, new String[] { "家豪", "chiahao" },
			new String[] { "淑芬", "shufen" }, new String[] { "俊傑", "chunchieh" }, new String[] { "詩涵", "shihhan" },
			new String[] { "宗翰", "tsunghan" }, new String[] { "佳穎", "chiaying" }, new String[] { "冠宇", "kuanyu" },
			new String[] { "欣怡", "hsinyi" }, new String[] { "承恩", "chengen" }, new String[] { "美玲", "meiling" },
			new String[] { "建宏", "chienhung" }, new String[] { "宜蓁", "yichen" }, new String[] { "柏翰", "pohan" });

	private static final List<String> ENGLISH_FIRST = List.of("Olivia", "Amelia", "Isla", "Ava", "Grace", "Sophie",
			"Charlotte", "Emily", "Hannah", "Priya", "Oliver", "George", "Harry", "Jack", "Noah", "James", "William",
			"Thomas", "Samuel", "Arjun", "Daniel", "Chloe", "Mohammed", "Ruth");

	private static final List<String> ENGLISH_LAST = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
			"Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
			"Green", "Hall", "Wood", "Clarke", "O'Brien", "Hughes", "Bennett", "Khan");

	private final Random random;

	DemoNames(Random random) {
		this.random = random;
	}

	Name next(Culture culture) {
		return switch (culture) {
			case POLISH -> polish();
			case TAIWANESE -> taiwanese();
			case ENGLISH -> english();
		};
	}

	private Name polish() {
		boolean woman = this.random.nextBoolean();
		String first = pick(woman ? POLISH_WOMEN : POLISH_MEN);
		String last = pick(POLISH_SURNAMES)[woman ? 1 : 0];
		return new Name(first, last, ascii(first) + "." + ascii(last), "pl");
	}

	private Name taiwanese() {
		String[] surname = pick(TAIWANESE_SURNAMES);
		String[] given = pick(TAIWANESE_GIVEN);
		return new Name(given[0], surname[0], given[1] + "." + surname[1], "zh-TW");
	}

	private Name english() {
		String first = pick(ENGLISH_FIRST);
		String last = pick(ENGLISH_LAST);
		return new Name(first, last, ascii(first) + "." + ascii(last), "en");
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * The e-mail form of a name: "Łukasz Gołębiowski" becomes "lukasz" and "golebiowski".
	 */
	static String ascii(String name) {
		String withoutMarks = Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return withoutMarks.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
