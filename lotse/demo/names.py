"""Names of the communities the demo offices serve, as German offices spell them.

Turkish names with and without Turkish letters (Özdemir, Ozdemir, Oezdemir),
Arabic names in the spellings German authorities produce (Mohammed, Muhammad,
Mohamad …), Afghan names as in Afghan passports (Rezaie, Ahmadi), Eritrean names
as patronyms (the child of Tesfay Haile is "… Tesfay"), Ukrainian names in the
passport transliteration (Oleksandr, Andrii), Russian names in the German one
(Sergej, Iwanow). Where the script is not Latin, the original spelling is given
after "=", so that some people carry their name in the original script as well.

Notation: "Mohammed/Muhammad/Mohamad=محمد" — spellings in Latin letters (the
first one the most common), then the original script. Every person is invented,
except Hadi Rezaie, whose KAUSA story the Hagen seed tells (his other data are
invented); the featured people at the end are the ones the demo and its tests rely on.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Name:
    spellings: tuple[str, ...]
    original: str = ""


def names(*specs: str) -> tuple[Name, ...]:
    result = []
    for spec in specs:
        latin, _, original = spec.partition("=")
        result.append(Name(tuple(latin.split("/")), original))
    return tuple(result)


@dataclass(frozen=True)
class Community:
    key: str
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]
    # (ISO 639 code, probability a member speaks it)
    languages: tuple[tuple[str, float], ...]
    # Share of people whose name is also recorded in the original script.
    original_share: float = 0.0
    # Share of young people whose documents carry a placeholder date (01.01.).
    placeholder_share: float = 0.0
    # Share with only the year of birth known.
    year_only_share: float = 0.03
    # "shared": one family name; "patronym": the children's family name is the
    # father's given name (Eritrea); "own": the mother keeps her name (Arab countries).
    naming: str = "shared"
    # How women's family names are formed: "pl" (-ski → -ska), "ru" (-ow → -owa).
    feminine: str = ""
    transliterate_turkish: bool = False
    mso: tuple[str, ...] = field(default=())


# fmt: off
TURKISH = Community(
    key="turkish",
    male=names(
        "Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Can", "Yusuf", "Murat", "Kerem", "Onur",
        "Hüseyin", "Ömer", "Eren", "Furkan", "Enes", "Serkan", "Kemal", "Hakan", "İbrahim",
        "Oğuz",
    ),
    female=names(
        "Ayşe", "Fatma", "Elif", "Zeynep", "Merve", "Büşra", "Esra", "Emine", "Hatice", "Derya",
        "Özlem", "Sevgi", "Dilara", "Ecem", "Gül", "Şeyma", "Tuğba", "Melek", "Yasemin", "Gülsüm",
    ),
    family=names(
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
        "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Güneş", "Özkan", "Polat",
        "Korkmaz", "Kaplan", "Güler",
    ),
    languages=(("tr", 1.0), ("de", 0.85), ("en", 0.25)),
    transliterate_turkish=True,
    mso=("Türkisch-Islamische Gemeinde {town} (DITIB)", "Alevitische Gemeinde {town} e. V."),
)

SYRIAN = Community(
    key="syrian",
    male=names(
        "Mohammed/Muhammad/Mohamad/Mohamed/Mohammad=محمد", "Ahmad/Ahmed=أحمد", "Omar=عمر",
        "Khaled/Khalid=خالد", "Mahmoud=محمود", "Yousef/Youssef/Yusuf=يوسف", "Ali=علي",
        "Hassan=حسن", "Hussein=حسين", "Abdullah=عبد الله", "Rami=رامي", "Amer=عامر",
        "Ibrahim=إبراهيم", "Mustafa=مصطفى", "Bilal=بلال", "Karim=كريم",
    ),
    female=names(
        "Fatima/Fatma=فاطمة", "Aya=آية", "Nour=نور", "Hiba=هبة", "Rasha=رشا", "Lina=لينا",
        "Sara=سارة", "Bayan=بيان", "Raghad=رغد", "Hala=هالة", "Amal=أمل", "Layla/Leila=ليلى",
        "Rama=راما", "Maryam=مريم", "Yasmin=ياسمين",
    ),
    family=names(
        "Al-Hassan=الحسن", "Al-Ahmad=الأحمد", "Al-Ali=العلي", "Alkhatib/Al-Khatib=الخطيب",
        "Haddad=حداد", "Hamdan=حمدان", "Khalil=خليل", "Ibrahim=إبراهيم", "Mahmoud=محمود",
        "Al-Masri=المصري", "Kassem/Qasem=قاسم", "Darwish=درويش", "Sabbagh=صباغ", "Hammoud=حمود",
        "Al-Hussein=الحسين", "Alhamad/Al-Hamad=الحمد", "Othman/Osman=عثمان", "Suleiman=سليمان",
        "Nasser=ناصر",
    ),
    languages=(("ar", 1.0), ("de", 0.7), ("en", 0.4), ("kmr", 0.05)),
    original_share=0.45,
    placeholder_share=0.25,
    year_only_share=0.05,
    naming="own",
    mso=("Syrischer Kulturverein {town} e. V.", "Arabischer Elternverein {town} e. V."),
)

AFGHAN = Community(
    key="afghan",
    male=names(
        "Hadi=هادی", "Ahmad=احمد", "Mohammad/Mohammed=محمد", "Ali=علی", "Reza=رضا",
        "Mustafa=مصطفی", "Farid=فرید", "Jawad=جواد", "Hamid=حمید", "Sohrab=سهراب", "Nasir=ناصر",
        "Omid=امید", "Wahid=وحید", "Ajmal=اجمل", "Bilal=بلال",
    ),
    female=names(
        "Zahra=زهرا", "Maryam=مریم", "Fatima=فاطمه", "Shabnam=شبنم", "Nargis=نرگس",
        "Parwana=پروانه", "Sahar=سحر", "Farzana=فرزانه", "Laila=لیلا", "Freshta=فرشته",
        "Masooma/Masuma=معصومه", "Sakina=سکینه", "Nilofar=نیلوفر",
    ),
    family=names(
        "Rezaie/Rezaei=رضایی", "Ahmadi=احمدی", "Hosseini=حسینی", "Mohammadi=محمدی",
        "Karimi=کریمی", "Rahimi=رحیمی", "Jafari=جعفری", "Noori/Nouri=نوری", "Sultani=سلطانی",
        "Hakimi=حکیمی", "Amiri=امیری", "Haidari=حیدری", "Safi=صافی", "Stanikzai=ستانکزی",
        "Popal=پوپل", "Wardak=وردک",
    ),
    languages=(("prs", 0.75), ("ps", 0.3), ("fa", 0.1), ("de", 0.6), ("en", 0.3)),
    original_share=0.35,
    placeholder_share=0.45,
    year_only_share=0.1,
    mso=("Afghanischer Frauenverein {town} e. V.", "Afghanischer Kulturverein {town} e. V."),
)

ERITREAN = Community(
    key="eritrean",
    male=names(
        "Tesfay/Tesfai=ተስፋይ", "Yonas=ዮናስ", "Dawit=ዳዊት", "Samuel=ሳሙኤል", "Filmon=ፊልሞን", "Robel=ሮቤል",
        "Merhawi=መርሃዊ", "Tekle=ተኽለ", "Kidane=ኪዳነ", "Yemane=የማነ", "Habte=ሃብተ", "Berhane=ብርሃነ",
        "Haile=ሃይለ",
    ),
    female=names(
        "Selam=ሰላም", "Helen=ሄለን", "Senait=ሰናይት", "Yordanos=ዮርዳኖስ", "Saba=ሳባ", "Luwam=ሉዋም",
        "Rahel=ራሄል", "Meron=ሜሮን", "Almaz=ኣልማዝ", "Tsega=ጸጋ",
    ),
    # Family names are fathers' given names.
    family=names(
        "Haile=ሃይለ", "Tesfay/Tesfai=ተስፋይ", "Tekle=ተኽለ", "Habte=ሃብተ", "Kidane=ኪዳነ", "Berhane=ብርሃነ",
        "Yemane=የማነ", "Gebremedhin=ገብረመድህን", "Ghebreyesus=ገብረየሱስ", "Tesfamariam=ተስፋማርያም",
        "Mebrahtu=መብራህቱ", "Abraha=ኣብርሃ",
    ),
    languages=(("ti", 1.0), ("am", 0.2), ("ar", 0.15), ("de", 0.55), ("en", 0.35)),
    original_share=0.3,
    placeholder_share=0.5,
    year_only_share=0.1,
    naming="patronym",
    mso=("Eritreische Gemeinde {town} e. V.",),
)

KURDISH = Community(
    key="kurdish",
    male=names(
        "Azad", "Baran", "Rojhat", "Serhat", "Berzan", "Welat", "Şivan", "Kawa", "Rêber", "Hozan",
        "Diyar", "Dilovan", "Jiyan",
    ),
    female=names(
        "Berfin", "Rojda", "Zilan", "Dilan", "Hêvî", "Nûjîn", "Avesta", "Ronahî", "Evîn",
        "Gulistan", "Nesrîn", "Hevin",
    ),
    family=names(
        "Aslan", "Ekinci", "Tekin", "Temel", "Doğan", "Sheikho", "Haji", "Murad", "Khudida",
        "Qasim", "Bakr", "Osman", "Xelil",
    ),
    languages=(("kmr", 0.9), ("ckb", 0.1), ("tr", 0.4), ("ar", 0.35), ("de", 0.8)),
    placeholder_share=0.15,
    transliterate_turkish=True,
    mso=("Kurdisches Kulturzentrum {town} e. V.", "Ezidisches Kulturzentrum {town} e. V."),
)

POLISH = Community(
    key="polish",
    male=names(
        "Piotr", "Krzysztof", "Tomasz", "Paweł/Pawel", "Michał/Michal", "Kamil", "Jakub",
        "Mateusz", "Łukasz/Lukasz", "Marcin", "Wojciech", "Bartosz",
    ),
    female=names(
        "Anna", "Katarzyna", "Agnieszka", "Magdalena", "Joanna", "Małgorzata/Malgorzata",
        "Natalia", "Julia", "Zuzanna", "Aleksandra", "Weronika", "Karolina",
    ),
    family=names(
        "Nowak", "Kowalski", "Wiśniewski/Wisniewski", "Wójcik/Wojcik", "Kowalczyk",
        "Kamiński/Kaminski", "Lewandowski", "Zieliński/Zielinski", "Szymański/Szymanski",
        "Woźniak/Wozniak", "Dąbrowski/Dabrowski", "Kozłowski/Kozlowski", "Mazur", "Krawczyk",
    ),
    languages=(("pl", 1.0), ("de", 0.8), ("en", 0.3)),
    feminine="pl",
    mso=("Polnische Katholische Mission {town}", "Polnischer Elternverein {town} e. V."),
)

UKRAINIAN = Community(
    key="ukrainian",
    male=names(
        "Oleksandr=Олександр", "Andrii=Андрій", "Dmytro=Дмитро", "Serhii=Сергій", "Mykola=Микола",
        "Volodymyr=Володимир", "Bohdan=Богдан", "Maksym=Максим", "Yurii=Юрій", "Vitalii=Віталій",
    ),
    female=names(
        "Olena=Олена", "Oksana=Оксана", "Iryna=Ірина", "Nataliia=Наталія", "Tetiana=Тетяна",
        "Yuliia=Юлія", "Kateryna=Катерина", "Anastasiia=Анастасія", "Sofiia=Софія",
        "Viktoriia=Вікторія", "Daryna=Дарина",
    ),
    family=names(
        "Kovalenko=Коваленко", "Shevchenko=Шевченко", "Bondarenko=Бондаренко",
        "Tkachenko=Ткаченко", "Kravchenko=Кравченко", "Melnyk=Мельник", "Boiko=Бойко",
        "Koval=Коваль", "Oliinyk=Олійник", "Lysenko=Лисенко", "Marchenko=Марченко", "Moroz=Мороз",
        "Savchenko=Савченко", "Petrenko=Петренко", "Rudenko=Руденко",
    ),
    languages=(("uk", 1.0), ("ru", 0.6), ("en", 0.5), ("de", 0.4)),
    original_share=0.5,
    mso=("Ukrainischer Verein {town} e. V.", "Russischsprachiger Elternverein {town} e. V."),
)

RUSSIAN = Community(
    key="russian",
    male=names(
        "Dmitri/Dmitrij=Дмитрий", "Alexander=Александр", "Sergej=Сергей", "Andrej=Андрей",
        "Viktor/Wiktor=Виктор", "Nikolai=Николай", "Maxim=Максим", "Artjom=Артём",
        "Wladimir=Владимир", "Jewgeni/Eugen=Евгений",
    ),
    female=names(
        "Natalja/Natalia=Наталья", "Swetlana=Светлана", "Olga=Ольга", "Tatjana=Татьяна",
        "Jelena/Elena=Елена", "Irina=Ирина", "Anastasia=Анастасия", "Ljudmila=Людмила",
        "Xenia/Ksenia=Ксения", "Marina=Марина",
    ),
    family=names(
        "Iwanow=Иванов", "Petrow=Петров", "Smirnow=Смирнов", "Kusnezow=Кузнецов", "Popow=Попов",
        "Wolkow=Волков", "Sokolow=Соколов", "Morosow=Морозов", "Lebedew=Лебедев",
        "Nowikow=Новиков",
        # Russian-German families (Spätaussiedler) with German family names
        "Becker", "Schmidt", "Wagner", "Neumann", "Fischer", "Kraus",
    ),
    languages=(("ru", 1.0), ("de", 0.9), ("uk", 0.05)),
    original_share=0.2,
    feminine="ru",
    mso=(
        "Russischsprachiger Elternverein {town} e. V.",
        "Russlanddeutscher Kulturverein {town} e. V.",
    ),
)

GERMAN = Community(
    key="german",
    male=names(
        "Thomas", "Michael", "Andreas", "Stefan", "Jan", "Tobias", "Markus", "Christian", "Frank",
        "Matthias", "Jörg", "Sven",
    ),
    female=names(
        "Sabine", "Katrin", "Julia", "Anna", "Claudia", "Nicole", "Petra", "Stefanie", "Lena",
        "Birgit", "Anja", "Miriam",
    ),
    family=names(
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schulte", "Brinkmann", "Wessels", "Kötter", "Hartmann", "Krüger",
        "Lange", "Vogt",
    ),
    languages=(("de", 1.0), ("en", 0.7), ("fr", 0.1)),
)

# fmt: on
COMMUNITIES = {
    c.key: c
    for c in (TURKISH, SYRIAN, AFGHAN, ERITREAN, KURDISH, POLISH, UKRAINIAN, RUSSIAN, GERMAN)
}

# Which communities an office's young people and parents come from (weights).
DEFAULT_MIX = {
    "turkish": 26,
    "syrian": 18,
    "afghan": 10,
    "eritrean": 6,
    "kurdish": 11,
    "polish": 9,
    "ukrainian": 11,
    "russian": 9,
}
MIX = {
    "hagen": {
        "turkish": 30,
        "syrian": 18,
        "afghan": 11,
        "eritrean": 7,
        "kurdish": 10,
        "polish": 8,
        "ukrainian": 9,
        "russian": 7,
    },
    "osnabrueck": {
        "turkish": 20,
        "syrian": 17,
        "afghan": 9,
        "eritrean": 6,
        "kurdish": 16,
        "polish": 8,
        "ukrainian": 11,
        "russian": 13,
    },
}

# --------------------------------------------------------------------------- featured people


def featured(**fields) -> dict:
    return fields


# People every demo shows. "kind" (+ "extra_kinds"): young_person, parent, entrepreneur,
# guide; "birth": (year, month, day) with None for unknown parts; "children": keys of
# their children; "affiliation": (organisation name template, role); "owner": the
# company (name template) they own.
FEATURED = {
    "hagen": [
        featured(
            key="hadi",
            community="afghan",
            given="Hadi",
            family="Rezaie",
            gender="male",
            kind="young_person",
            birth=(2000, 1, 1),
            placeholder=True,
            languages=("prs", "de"),
            original=True,
            affiliation=("Bodenbeläge {family}", "apprentice"),
            notes="Praktikum als Bodenleger, danach Einstiegsqualifizierung (EQ); "
            "Ausbildungsplatz zugesagt.",
        ),
        featured(
            key="mohammed",
            community="syrian",
            given="Mohammed",
            family="Al-Hassan",
            gender="male",
            kind="young_person",
            birth=(2008, 1, 1),
            placeholder=True,
            languages=("ar", "de"),
            original=True,
            affiliation=("Gesamtschule Haspe", "pupil"),
        ),
        featured(
            key="rasha",
            community="syrian",
            given="Rasha",
            family="Haddad",
            gender="female",
            kind="parent",
            birth=(1981, None, None),
            languages=("ar",),
            original=True,
            children=("mohammed",),
            affiliation=("Syrischer Kulturverein Hagen e. V.", "mso_member"),
        ),
        featured(
            key="ayse",
            community="turkish",
            given="Ayşe",
            family="Yılmaz",
            gender="female",
            kind="parent",
            extra_kinds=("guide",),
            birth=(1976, 4, 12),
            languages=("tr", "de"),
            children=("emre",),
            affiliation=("Türkisch-Islamische Gemeinde Hagen (DITIB)", "mso_board"),
            notes="Elternlotsin (Schulungsreihe abgeschlossen).",
        ),
        featured(
            key="emre",
            community="turkish",
            given="Emre",
            family="Yılmaz",
            gender="male",
            kind="young_person",
            birth=(2009, 9, 3),
            languages=("tr", "de"),
            affiliation=("Realschule Hohenlimburg", "pupil"),
        ),
        featured(
            key="mehmet",
            community="turkish",
            given="Mehmet",
            family="Özdemir",
            gender="male",
            kind="entrepreneur",
            extra_kinds=("parent",),
            birth=(1972, 2, 20),
            languages=("tr", "de"),
            children=("elif",),
            owner="Bodenbeläge {family}",
        ),
        featured(
            key="elif",
            community="turkish",
            given="Elif",
            family="Oezdemir",
            gender="female",
            kind="young_person",
            birth=(2007, 6, 14),
            languages=("tr", "de", "en"),
            notes="Schreibweise im Schulzeugnis: Özdemir.",
        ),
        featured(
            key="tesfay",
            community="eritrean",
            given="Tesfay",
            family="Haile",
            gender="male",
            kind="parent",
            birth=(1979, 1, 1),
            placeholder=True,
            languages=("ti", "ar"),
            original=True,
            children=("selam",),
        ),
        featured(
            key="selam",
            community="eritrean",
            given="Selam",
            family="Tesfay",
            gender="female",
            kind="young_person",
            birth=(2006, None, None),
            languages=("ti", "de"),
            original=True,
        ),
        featured(
            key="olena",
            community="ukrainian",
            given="Olena",
            family="Kovalenko",
            gender="female",
            kind="parent",
            birth=(1983, 11, 2),
            languages=("uk", "ru"),
            original=True,
            children=("daryna",),
        ),
        featured(
            key="daryna",
            community="ukrainian",
            given="Daryna",
            family="Kovalenko",
            gender="female",
            kind="young_person",
            birth=(2009, 3, 27),
            languages=("uk", "ru", "en"),
            original=True,
        ),
        featured(
            key="zahra",
            community="afghan",
            given="Zahra",
            family="Ahmadi",
            gender="female",
            kind="young_person",
            birth=(2007, None, None),
            languages=("prs", "de"),
            original=True,
            affiliation=("Cuno-Berufskolleg I", "pupil"),
        ),
        # The volunteer guide behind the demo login `lotse.hagen` (see services.py).
        featured(
            key="hamid",
            community="afghan",
            given="Hamid",
            family="Noori",
            gender="male",
            kind="guide",
            birth=(1984, 3, 15),
            languages=("prs", "ps", "de"),
            original=True,
            affiliation=("Afghanischer Frauenverein Hagen e. V.", "mso_member"),
            notes="Elternlotse; hat die Schulungsreihe abgeschlossen.",
        ),
    ],
    "osnabrueck": [
        featured(
            key="muhammad",
            community="syrian",
            given="Muhammad",
            family="Khalil",
            gender="male",
            kind="young_person",
            birth=(2007, 1, 1),
            placeholder=True,
            languages=("ar", "de"),
            original=True,
            affiliation=("BBS Brinkstraße", "pupil"),
        ),
        featured(
            key="rojda",
            community="kurdish",
            given="Rojda",
            family="Khudida",
            gender="female",
            kind="young_person",
            birth=(2008, 5, 9),
            languages=("kmr", "de"),
            affiliation=("Gesamtschule Schinkel", "pupil"),
        ),
        featured(
            key="natalja",
            community="russian",
            given="Natalja",
            family="Iwanowa",
            gender="female",
            kind="parent",
            extra_kinds=("guide",),
            birth=(1978, 8, 30),
            languages=("ru", "de"),
            original=True,
            children=("artjom",),
            affiliation=("Russlanddeutscher Kulturverein Osnabrück e. V.", "mso_member"),
            notes="Elternmentorin.",
        ),
        featured(
            key="artjom",
            community="russian",
            given="Artjom",
            family="Iwanow",
            gender="male",
            kind="young_person",
            birth=(2009, 12, 1),
            languages=("ru", "de"),
            original=True,
        ),
        featured(
            key="yusuf",
            community="turkish",
            given="Yusuf",
            family="Öztürk",
            gender="male",
            kind="young_person",
            birth=(2008, 2, 17),
            languages=("tr", "de"),
        ),
        featured(
            key="tsega",
            community="eritrean",
            given="Tsega",
            family="Kidane",
            gender="female",
            kind="parent",
            birth=(1985, 1, 1),
            placeholder=True,
            languages=("ti",),
            original=True,
            children=("yonas",),
        ),
        featured(
            key="yonas",
            community="eritrean",
            given="Yonas",
            family="Habte",
            gender="male",
            kind="young_person",
            birth=(2007, 1, 1),
            placeholder=True,
            languages=("ti", "de"),
            original=True,
        ),
    ],
}
