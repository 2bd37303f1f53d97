"""Name lists for the generated demo population, grouped by family origin.

Emmen is mostly of Dutch origin, with German, Polish, Turkish and Arabic-speaking families, most
of them in Emmen Oost and Emmen Zuid (inspection report, "Emmen in vogelvlucht"). Grouping keeps
first names and surnames plausible together. Ordered tuples, never sets, so the seeded generator
draws the same names on every machine.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    #: (surname prefix as in the BRP, surname)
    surnames: tuple[tuple[str, str], ...]
    male_adult: tuple[str, ...]
    female_adult: tuple[str, ...]
    male_child: tuple[str, ...]
    female_child: tuple[str, ...]
    second_male: tuple[str, ...] = ()
    second_female: tuple[str, ...] = ()


DUTCH = Origin(
    surnames=(
        ("", "Jansen"), ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
        ("", "Mulder"), ("", "Bos"), ("", "Vos"), ("", "Dijkstra"), ("", "Hendriks"),
        ("", "Boer"), ("", "Kuiper"), ("", "Wolters"), ("", "Hoving"), ("", "Lubbers"),
        ("", "Oosting"), ("", "Schepers"), ("", "Zwiers"), ("", "Hofstede"), ("", "Brinkman"),
        ("", "Post"), ("", "Wind"), ("", "Nijboer"), ("", "Timmerman"), ("", "Bruins"),
        ("", "Koops"), ("", "Everts"), ("", "Lanting"), ("", "Kremer"), ("", "Drenth"),
        ("", "Wanders"), ("", "Eising"), ("", "Bruggink"), ("", "Hartlief"), ("", "Steenbergen"),
        ("", "Kamps"), ("", "Zomer"), ("", "Lammers"), ("", "Seubring"), ("", "Kroeze"),
        ("", "Ensing"), ("", "Tiggelaar"), ("", "Snippe"), ("", "Hulshof"), ("", "Bakker"),
        ("de", "Vries"), ("de", "Jong"), ("de", "Boer"), ("de", "Groot"), ("de", "Haan"),
        ("de", "Wit"), ("de", "Graaf"), ("de", "Bruin"), ("de", "Lange"), ("de", "Vos"),
        ("van", "Dijk"), ("van", "Dam"), ("van", "Wijk"), ("van", "Beek"), ("van", "Leeuwen"),
        ("van", "Veen"), ("van", "Vliet"), ("van", "Essen"), ("van", "Zanten"),
        ("van der", "Meer"), ("van der", "Veen"), ("van der", "Wal"), ("van der", "Laan"),
        ("van der", "Heide"), ("van der", "Kamp"), ("van den", "Berg"), ("van den", "Bosch"),
        ("van de", "Kamp"), ("ten", "Have"), ("ter", "Horst"), ("in 't", "Veld"),
    ),
    male_adult=(
        "Jan", "Henk", "Gerrit", "Albert", "Harm", "Roelof", "Jeroen", "Marco", "Peter", "Erik",
        "Martijn", "Bas", "Mark", "Dennis", "Jeffrey", "Kevin", "Rick", "Patrick", "Sander",
        "Niels", "Wim", "Johan", "Bert", "Hendrik", "Arjan", "Ronald", "Richard", "Dirk",
        "Egbert", "Jaap", "Geert", "Michel", "Robin", "Stefan", "Tim", "Jelle", "Wouter",
    ),
    female_adult=(
        "Anja", "Linda", "Marieke", "Ingrid", "Esther", "Karin", "Monique", "Sandra", "Petra",
        "Wendy", "Chantal", "Kim", "Sanne", "Laura", "Lisa", "Femke", "Iris", "Annemiek",
        "Janneke", "Hilde", "Gerda", "Jolanda", "Anita", "Miranda", "Natasja", "Joke", "Renate",
        "Marloes", "Eline", "Nicole", "Debby", "Saskia", "Tamara", "Bianca", "Mirjam",
    ),
    male_child=(
        "Daan", "Lucas", "Noah", "Sem", "Levi", "Finn", "Milan", "Jesse", "Luuk", "Bram", "Thijs",
        "Sven", "Ruben", "Tim", "Lars", "Stijn", "Mees", "Jayden", "Dex", "Gijs", "Hugo", "Liam",
        "Julian", "Siem", "Max", "Jens", "Tygo", "Owen", "Ryan", "Boaz", "Jurre",
    ),
    female_child=(
        "Emma", "Sanne", "Mila", "Julia", "Tess", "Sophie", "Zoë", "Lotte", "Evi", "Noor",
        "Fleur", "Isa", "Lieke", "Saar", "Anna", "Roos", "Femke", "Nova", "Yara", "Elin", "Nina",
        "Fenna", "Jasmijn", "Amber", "Demi", "Lynn", "Esmee", "Maud", "Sara", "Hanna",
    ),
    second_male=("Johannes", "Hendrik", "Jan", "Albertus", "Gerardus", "Pieter", "Willem"),
    second_female=("Maria", "Johanna", "Geertruida", "Anna", "Elisabeth", "Hendrika"),
)

GERMAN = Origin(
    surnames=(("", "Schulte"), ("", "Müller"), ("", "Schröder"), ("", "Meyer"), ("", "Köhler")),
    male_adult=("Thomas", "Stefan", "Jürgen", "Andreas", "Markus"),
    female_adult=("Sabine", "Katrin", "Anke", "Ute", "Silke"),
    male_child=("Leon", "Paul", "Felix", "Jonas", "Elias"),
    female_child=("Lena", "Marie", "Hannah", "Lea", "Mia"),
)

POLISH = Origin(
    surnames=(("", "Nowak"), ("", "Kowalski"), ("", "Wiśniewski"), ("", "Wójcik"), ("", "Kamiński")),
    male_adult=("Tomasz", "Piotr", "Krzysztof", "Marcin", "Paweł"),
    female_adult=("Agnieszka", "Katarzyna", "Magdalena", "Anna", "Joanna"),
    male_child=("Kacper", "Jakub", "Szymon", "Filip", "Antoni"),
    female_child=("Zuzanna", "Julia", "Maja", "Oliwia", "Lena"),
)

TURKISH = Origin(
    surnames=(("", "Yilmaz"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("", "Tekin"), ("", "Çelik")),
    male_adult=("Emre", "Mehmet", "Mustafa", "Hasan", "Murat", "Burak"),
    female_adult=("Elif", "Ayşe", "Fatma", "Zeynep", "Esra", "Merve"),
    male_child=("Yusuf", "Emir", "Ömer", "Kerem", "Arda"),
    female_child=("Elif", "Zeynep", "Defne", "Azra", "Mila"),
)

ARABIC = Origin(
    surnames=(("", "El Amrani"), ("", "Bouzid"), ("", "Haddad"), ("", "Al-Hassan"), ("", "Khalil")),
    male_adult=("Ahmed", "Mohammed", "Youssef", "Khaled", "Omar"),
    female_adult=("Fatima", "Samira", "Nour", "Rania", "Amal"),
    male_child=("Adam", "Mohamed", "Rayan", "Ilyas", "Zakaria"),
    female_child=("Amira", "Lina", "Yasmina", "Sara", "Nour"),
)

#: (origin, weight) in most districts, and in Emmen Oost and Emmen Zuid.
ORIGIN_WEIGHTS: tuple[tuple[Origin, int], ...] = (
    (DUTCH, 90), (GERMAN, 3), (POLISH, 3), (TURKISH, 2), (ARABIC, 2),
)
ORIGIN_WEIGHTS_CITY_EAST_SOUTH: tuple[tuple[Origin, int], ...] = (
    (DUTCH, 80), (GERMAN, 3), (POLISH, 5), (TURKISH, 6), (ARABIC, 6),
)
