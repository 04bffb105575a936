"""Generic world knowledge for naming actors: countries with their other names, demonyms, capitals and
seats of government; honorifics, role words, given-name hypocorisms and well-known organizations.

Nothing here is specific to any article: it is the kind of table a reference desk keeps.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    # Capitals and seats of government stand for the state in news prose ("Moscow said", "the White House").
    metonyms: tuple[str, ...]


# name | other names | demonyms | capital and seats of government
_COUNTRIES = """
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Argentina|Argentine Republic|Argentine;Argentinian|Buenos Aires;Casa Rosada
Armenia||Armenian|Yerevan
Australia|Commonwealth of Australia|Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani;Azeri|Baku
Bahrain||Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka
Belarus|Byelorussia|Belarusian|Minsk
Belgium||Belgian|
Bolivia||Bolivian|La Paz;Sucre
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Brazil|Federative Republic of Brazil|Brazilian|Brasilia;Planalto
Bulgaria||Bulgarian|Sofia
Cambodia||Cambodian|Phnom Penh
Canada||Canadian|Ottawa
Chile||Chilean|Santiago
China|People's Republic of China;PRC;Mainland China|Chinese|Beijing;Peking;Zhongnanhai
Colombia||Colombian|Bogota
Croatia||Croatian|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish;Dane|Copenhagen
Ecuador||Ecuadorian|Quito
Egypt||Egyptian|Cairo
Estonia||Estonian|Tallinn
Ethiopia||Ethiopian|Addis Ababa
Finland||Finnish;Finn|Helsinki
France|French Republic|French|Paris;Elysee;Elysee Palace;Quai d'Orsay
Georgia||Georgian|Tbilisi
Germany|Federal Republic of Germany|German|Berlin
Greece|Hellenic Republic|Greek|Athens
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik
India|Republic of India|Indian|New Delhi;Delhi
Indonesia||Indonesian|Jakarta
Iran|Islamic Republic of Iran;Persia|Iranian|Tehran
Iraq||Iraqi|Baghdad
Ireland|Republic of Ireland|Irish|Dublin
Israel|State of Israel|Israeli|Jerusalem
Italy|Italian Republic|Italian|Rome
Japan||Japanese|Tokyo
Jordan||Jordanian|Amman
Kazakhstan||Kazakh;Kazakhstani|Astana;Nur-Sultan
Kenya||Kenyan|Nairobi
Kuwait||Kuwaiti|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Libya||Libyan|Tripoli
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish|
Malaysia||Malaysian|Kuala Lumpur
Mexico|United Mexican States|Mexican|Mexico City
Moldova||Moldovan|Chisinau
Mongolia||Mongolian|Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan|Rabat
Myanmar|Burma|Burmese|Naypyidaw
Nepal||Nepalese;Nepali|Kathmandu
Netherlands|Holland;The Netherlands|Dutch|Amsterdam;The Hague
New Zealand||New Zealander|Wellington
Nigeria||Nigerian|Abuja
North Korea|Democratic People's Republic of Korea;DPRK|North Korean|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo
Oman||Omani|Muscat
Pakistan||Pakistani|Islamabad
Palestine|Palestinian Territories|Palestinian|Ramallah
Peru||Peruvian|Lima
Philippines|The Philippines|Filipino;Philippine|Manila;Malacanang
Poland||Polish;Pole|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation;USSR;Soviet Union|Russian;Soviet|Moscow;Kremlin;the Kremlin
Saudi Arabia|Kingdom of Saudi Arabia|Saudi;Saudi Arabian|Riyadh
Serbia||Serbian;Serb|Belgrade
Singapore||Singaporean|
Slovakia||Slovak|Bratislava
Slovenia||Slovenian;Slovene|Ljubljana
Somalia||Somali|Mogadishu
South Africa||South African|Pretoria
South Korea|Republic of Korea;ROK|South Korean|Seoul;Blue House
Spain|Kingdom of Spain|Spanish|Madrid
Sri Lanka||Sri Lankan|Colombo
Sudan||Sudanese|Khartoum
Sweden||Swedish;Swede|Stockholm
Switzerland|Swiss Confederation|Swiss|Bern
Syria|Syrian Arab Republic|Syrian|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan||Tajik|Dushanbe
Thailand||Thai|Bangkok
Tunisia||Tunisian|Tunis
Turkey|Turkiye;Republic of Turkey|Turkish;Turk|Ankara
Turkmenistan||Turkmen|Ashgabat
Ukraine|the Ukraine|Ukrainian|Kiev;Kyiv
United Arab Emirates|UAE;Emirates|Emirati|Abu Dhabi
United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton|London;Downing Street;Whitehall;Number 10
United States|US;U.S.;USA;U.S.A.;United States of America;America;the United States|American|Washington;Washington DC;Washington D.C.;White House;the White House
Uzbekistan||Uzbek|Tashkent
Venezuela|Bolivarian Republic of Venezuela|Venezuelan|Caracas;Miraflores
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa
Zimbabwe||Zimbabwean|Harare
"""


def _forms(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split(";") if part.strip())


def _parse_countries() -> list[Country]:
    countries = []
    for line in _COUNTRIES.strip().splitlines():
        name, aliases, demonyms, metonyms = line.split("|")
        countries.append(Country(name, _forms(aliases), _forms(demonyms), _forms(metonyms)))
    return countries


COUNTRIES = _parse_countries()


#: Names and words recur throughout a collection: each is folded once.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII letters, digits and spaces: accents, dots and apostrophes gone."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’.]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _fold(text: str) -> str:
    """The key for looking a country up: folded, without a leading "the"."""
    return re.sub(r"^the ", "", fold(text))


_COUNTRY_BY_NAME: dict[str, Country] = {}
_COUNTRY_BY_METONYM: dict[str, Country] = {}
_COUNTRY_BY_DEMONYM: dict[str, Country] = {}
for _country in COUNTRIES:
    for _form in (_country.name, *_country.aliases):
        _COUNTRY_BY_NAME[_fold(_form)] = _country
    for _form in _country.metonyms:
        _COUNTRY_BY_METONYM[_fold(_form)] = _country
    for _form in _country.demonyms:
        _COUNTRY_BY_DEMONYM[_fold(_form)] = _country
        _COUNTRY_BY_DEMONYM[_fold(_form) + "s"] = _country


def country_named(text: str) -> Country | None:
    """The country a name, official name or abbreviation stands for ("U.S." -> United States)."""
    return _COUNTRY_BY_NAME.get(_fold(text))


def country_of_metonym(text: str) -> Country | None:
    """The state a capital or seat of government stands for ("the Kremlin" -> Russia)."""
    return _COUNTRY_BY_METONYM.get(_fold(text))


def country_of_demonym(text: str) -> Country | None:
    """The country of a demonym, singular or plural ("Russian", "Americans")."""
    return _COUNTRY_BY_DEMONYM.get(_fold(text))


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]


# Well-known international organizations with their usual short forms.
_ORGANIZATIONS = """
North Atlantic Treaty Organization|NATO;Nato;OTAN
United Nations|UN;U.N.;UNO
United Nations Security Council|UN Security Council;UNSC;Security Council
European Union|EU;E.U.
European Commission|EC
Group of Twenty|G20;G-20
Group of Seven|G7;G-7
Group of Eight|G8;G-8
World Trade Organization|WTO
World Health Organization|WHO
International Monetary Fund|IMF
World Bank|
Organization for Security and Co-operation in Europe|OSCE
Association of Southeast Asian Nations|ASEAN
African Union|AU
Organization of the Petroleum Exporting Countries|OPEC
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Pentagon|US Department of Defense;Department of Defense
State Department|US State Department;Department of State;State Dept
"""


def _parse_organizations() -> list[Organization]:
    organizations = []
    for line in _ORGANIZATIONS.strip().splitlines():
        name, aliases = line.split("|")
        organizations.append(Organization(name, _forms(aliases)))
    return organizations


ORGANIZATIONS = _parse_organizations()
_ORGANIZATION_BY_NAME = {_fold(form): org for org in ORGANIZATIONS for form in (org.name, *org.aliases)}


def organization_named(text: str) -> Organization | None:
    return _ORGANIZATION_BY_NAME.get(_fold(text))


# Words written before a name that are not part of it ("Mr Volkonsky", "Gen Kral", "President Ames").
HONORIFICS = frozenset(
    """
    mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend fr father sister brother gen general lt
    lieutenant col colonel maj major capt captain cmdr commander adm admiral sgt sergeant cpl corporal pvt
    private marshal brig brigadier sen senator rep representative gov governor pres president vice prime
    chancellor premier minister secretary ambassador judge justice mayor king queen prince princess sheikh emir
    sultan pope cardinal bishop archbishop rabbi imam ayatollah chairman chairwoman chair ceo mp mep
    """.split()
)

# Nouns that name a role or office: a phrase built on one of them describes the person it precedes or follows.
ROLE_WORDS = frozenset(
    """
    president vice-president minister secretary adviser advisor spokesman spokeswoman spokesperson chancellor
    premier leader chairman chairwoman chair chief director head ambassador envoy diplomat counterpart general
    admiral vice-admiral commander officer official senator governor mayor king queen prince emir sultan judge
    attorney prosecutor negotiator representative deputy aide chief-of-staff congressman congresswoman lawmaker
    legislator candidate nominee founder executive billionaire ceo press-secretary speaker whip commissioner mp
    mep dictator monarch ruler cabinet
    """.split()
)

# Everyday short forms of given names, mapped to the formal name they stand for.
_HYPOCORISMS = {
    "michael": "mike mick mikey",
    "robert": "bob bobby rob robbie bert",
    "william": "bill billy will willie liam",
    "james": "jim jimmy jamie",
    "john": "jack johnny jon",
    "joseph": "joe joey",
    "thomas": "tom tommy",
    "richard": "dick rick ricky rich",
    "david": "dave davey",
    "daniel": "dan danny",
    "christopher": "chris kit",
    "anthony": "tony",
    "stephen": "steve stevie",
    "steven": "steve stevie",
    "alexander": "alex sasha sandy",
    "edward": "ed eddie ted ned",
    "benjamin": "ben benny bibi",
    "nicholas": "nick nicky",
    "samuel": "sam sammy",
    "matthew": "matt",
    "andrew": "andy drew",
    "patrick": "pat paddy",
    "lawrence": "larry",
    "gerald": "jerry gerry",
    "charles": "chuck charlie",
    "gregory": "greg",
    "jeffrey": "jeff",
    "kenneth": "ken kenny",
    "ronald": "ron ronnie",
    "donald": "don donny",
    "frederick": "fred freddie",
    "henry": "hank harry",
    "timothy": "tim timmy",
    "peter": "pete",
    "philip": "phil",
    "raymond": "ray",
    "vincent": "vince",
    "abraham": "abe",
    "albert": "al bert",
    "theodore": "ted teddy theo",
    "elizabeth": "liz lizzie beth betty eliza",
    "katherine": "kate katie kathy cathy",
    "catherine": "kate katie cathy",
    "margaret": "maggie meg peggy",
    "jennifer": "jen jenny",
    "susan": "sue susie",
    "rebecca": "becky",
    "deborah": "debbie deb",
    "patricia": "pat patty trish",
    "victoria": "vicky",
    "hillary": "hill",
    "vladimir": "vlad volodya",
    "dmitry": "dima",
    "yevgeny": "zhenya",
    "mikhail": "misha",
    "nikolai": "kolya",
    "ivan": "vanya",
}
HYPOCORISMS: dict[str, str] = {short: formal for formal, shorts in _HYPOCORISMS.items() for short in shorts.split()}
