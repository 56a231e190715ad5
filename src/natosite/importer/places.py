"""Places: countries and NATO duty stations in the languages boards write them, read as "City, Country".

``normalise_location("Napoli (Lago Patria), Italia")`` -> "Naples (Lago Patria), Italy";
``looks_like_location(line)`` says whether an unlabelled header line is a place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from natosite.importer import rxcache

COUNTRIES: Final[dict[str, str]] = {}
for _name, _variants in {
    "Belgium": ("belgium", "belgique", "belgië", "belgie", "belgien", "belgio", "belgia"),
    "Netherlands": ("netherlands", "the netherlands", "pays-bas", "nederland", "niederlande", "paesi bassi", "holandia"),
    "Italy": ("italy", "italie", "italien", "italië", "italia", "włochy"),
    "Germany": ("germany", "allemagne", "deutschland", "duitsland", "germania", "niemcy"),
    "Poland": ("poland", "pologne", "polen", "polonia", "polska"),
    "France": ("france", "frankreich", "frankrijk", "francia", "francja"),
    "Luxembourg": ("luxembourg", "luxemburg", "lussemburgo", "luksemburg"),
    "Portugal": ("portugal", "portogallo", "portugalia"),
    "Spain": ("spain", "espagne", "spanien", "spanje", "spagna", "hiszpania"),
    "Norway": ("norway", "norvège", "norwegen", "noorwegen", "norvegia", "norwegia"),
    "Denmark": ("denmark", "danemark", "dänemark", "denemarken", "danimarca", "dania"),
    "United Kingdom": ("united kingdom", "uk", "royaume-uni", "vereinigtes königreich", "verenigd koninkrijk",
                       "regno unito", "wielka brytania"),
    "United States": ("united states", "usa", "united states of america", "états-unis", "vereinigte staaten",
                      "verenigde staten", "stati uniti", "stany zjednoczone"),
    "Canada": ("canada", "kanada"),
    "Türkiye": ("türkiye", "turkiye", "turquie", "türkei", "turkije", "turchia", "turcja"),
    "Turkey": ("turkey",),  # (the English name as a text writes it; NATO's own is Türkiye)
    "Romania": ("romania", "roumanie", "rumänien", "roemenië", "rumunia"),
    "Bulgaria": ("bulgaria", "bulgarie", "bulgarien", "bulgarije"),
    "Greece": ("greece", "grèce", "griechenland", "griekenland", "grecia", "grecja"),
    "Hungary": ("hungary", "hongrie", "ungarn", "hongarije", "ungheria", "węgry"),
    "Czechia": ("czechia", "czech republic", "tchéquie", "tschechien", "tsjechië", "repubblica ceca", "czechy"),
    "Slovakia": ("slovakia", "slovaquie", "slowakei", "slowakije", "slovacchia", "słowacja"),
    "Lithuania": ("lithuania", "lituanie", "litauen", "litouwen", "lituania", "litwa"),
    "Latvia": ("latvia", "lettonie", "lettland", "letland", "lettonia", "łotwa"),
    "Estonia": ("estonia", "estonie", "estland", "estonia"),
    "Croatia": ("croatia", "croatie", "kroatien", "kroatië", "croazia", "chorwacja"),
    "Slovenia": ("slovenia", "slovénie", "slowenien", "slovenië", "słowenia"),
    "Albania": ("albania", "albanie", "albanien", "albanië"),
    "Montenegro": ("montenegro", "monténégro", "czarnogóra"),
    "North Macedonia": ("north macedonia", "macédoine du nord", "nordmazedonien", "noord-macedonië"),
    "Iceland": ("iceland", "islande", "island", "ijsland", "islanda", "islandia"),
    "Sweden": ("sweden", "suède", "schweden", "zweden", "svezia", "szwecja"),
    "Finland": ("finland", "finlande", "finnland", "finlandia"),
    "Ukraine": ("ukraine", "oekraïne", "ucraina", "ukraina"),
    "Kosovo": ("kosovo",),
    "China": ("中国",),
    "Qatar": ("qatar", "katar"),
    "Georgia": ("georgia", "géorgie", "georgien"),
    "Moldova": ("moldova", "republic of moldova", "moldavie", "moldawien", "mołdawia", "republica moldova"),
    "Kuwait": ("kuwait", "koweït", "koweit"),
    "Bosnia and Herzegovina": ("bosnia and herzegovina", "bosnia-herzegovina"),
    "Serbia": ("serbia", "serbie", "serbien"),
}.items():
    for _variant in _variants:
        COUNTRIES[_variant] = _name
# ISO codes as boards write them after a city ("The Hague, NL"); "IT", "NO" etc. only count in a location.
for _zh, _name in {"比利时": "Belgium", "荷兰": "Netherlands", "意大利": "Italy", "德国": "Germany", "法国": "France",
                   "卢森堡": "Luxembourg", "波兰": "Poland", "美国": "United States", "英国": "United Kingdom",
                   "葡萄牙": "Portugal", "西班牙": "Spain", "挪威": "Norway", "丹麦": "Denmark", "加拿大": "Canada",
                   "土耳其": "Türkiye", "罗马尼亚": "Romania", "希腊": "Greece"}.items():
    COUNTRIES[_zh] = _name
for _code, _name in {"be": "Belgium", "nl": "Netherlands", "it": "Italy", "de": "Germany", "fr": "France",
                     "lu": "Luxembourg", "pt": "Portugal", "es": "Spain", "no": "Norway", "dk": "Denmark",
                     "gb": "United Kingdom", "us": "United States", "pl": "Poland", "tr": "Türkiye", "ro": "Romania",
                     "bg": "Bulgaria", "gr": "Greece", "hu": "Hungary", "cz": "Czechia", "sk": "Slovakia",
                     "lt": "Lithuania", "lv": "Latvia", "ee": "Estonia", "hr": "Croatia", "si": "Slovenia",
                     "ca": "Canada"}.items():
    COUNTRIES.setdefault(_code, _name)

# NATO duty stations: the English name (exonym) of each city as boards write it in their own language,
# and its country, so "Bruxelles, Belgique", "Napoli (Lago Patria), Italia" and "Brunssum, Limburg" read
# "Brussels, Belgium", "Naples (Lago Patria), Italy" and "Brunssum, Netherlands".
DUTY_STATIONS: Final[dict[str, tuple[str, str]]] = {}
for (_city, _country), _names in {
    ("Brussels", "Belgium"): ("brussels", "bruxelles", "brussel", "brüssel", "bruksela", "bruselas", "brusel",
                              "布鲁塞尔"),
    ("Mons", "Belgium"): ("mons", "bergen (mons)", "casteau", "蒙斯"),
    ("Braine-l'Alleud", "Belgium"): ("braine-l'alleud", "braine-l’alleud", "eigenbrakel"),
    ("The Hague", "Netherlands"): ("the hague", "den haag", "'s-gravenhage", "la haye", "l'aia", "haga", "海牙"),
    ("Brunssum", "Netherlands"): ("brunssum", "布伦瑟姆"),
    ("Naples", "Italy"): ("naples", "napoli", "neapel", "napels", "neapol", "那不勒斯"),
    ("Rome", "Italy"): ("rome", "roma", "rom", "rzym", "罗马"),
    ("La Spezia", "Italy"): ("la spezia", "拉斯佩齐亚"),
    ("Taranto", "Italy"): ("taranto", "tarent"),
    ("Poggio Renatico", "Italy"): ("poggio renatico",),
    ("Lago Patria", "Italy"): ("lago patria",),
    ("Lisbon", "Portugal"): ("lisbon", "lisboa", "lisbonne", "lissabon", "lizbona", "lisbona"),
    ("Oeiras", "Portugal"): ("oeiras",),
    ("Warsaw", "Poland"): ("warsaw", "warszawa", "varsovie", "warschau", "varsavia", "warschau"),
    ("Bydgoszcz", "Poland"): ("bydgoszcz", "bromberg", "比得哥什"),
    ("Szczecin", "Poland"): ("szczecin", "stettin"),
    ("Munich", "Germany"): ("munich", "münchen", "muenchen", "monaco di baviera", "monachium", "munique"),
    ("Geilenkirchen", "Germany"): ("geilenkirchen", "盖伦基兴"),
    ("Ramstein", "Germany"): ("ramstein", "ramstein-miesenbach"),
    ("Oberammergau", "Germany"): ("oberammergau",),
    ("Kalkar", "Germany"): ("kalkar",),
    ("Ulm", "Germany"): ("ulm",),
    ("Uedem", "Germany"): ("uedem",),
    ("Capellen", "Luxembourg"): ("capellen", "kapellen", "卡佩伦"),
    ("Luxembourg", "Luxembourg"): ("luxembourg", "luxemburg", "lussemburgo"),
    ("Neuilly-sur-Seine", "France"): ("neuilly-sur-seine", "neuilly"),
    ("Paris", "France"): ("paris", "parigi", "paryż"),
    ("Northwood", "United Kingdom"): ("northwood",),
    ("London", "United Kingdom"): ("london", "londres", "londra", "londen", "londyn"),
    ("Unterhaching", "Germany"): ("unterhaching",),
    ("Halifax", "Canada"): ("halifax",),
    ("Stavanger", "Norway"): ("stavanger",),
    ("Izmir", "Türkiye"): ("izmir", "i̇zmir", "smyrne"),
    ("Norfolk", "United States"): ("norfolk",),
    ("Copenhagen", "Denmark"): ("copenhagen", "københavn", "copenhague", "kopenhagen", "copenaghen", "kopenhaga"),
    ("Vienna", "Austria"): ("vienna", "wien", "vienne", "wenen", "wiedeń"),
    ("Geneva", "Switzerland"): ("geneva", "genève", "genf", "genève", "ginevra", "genewa"),
    ("Athens", "Greece"): ("athens", "athènes", "athen", "athene", "atene", "ateny"),
    ("Bucharest", "Romania"): ("bucharest", "bucurești", "bucarest", "bukarest", "boekarest", "bukareszt"),
    ("Madrid", "Spain"): ("madrid",),
    ("Tallinn", "Estonia"): ("tallinn", "tallin"),
    ("Riga", "Latvia"): ("riga", "ryga"),
    ("Vilnius", "Lithuania"): ("vilnius", "wilno"),
}.items():
    for _variant in _names:
        DUTY_STATIONS[_variant] = (_city, _country)
# Spanish and Portuguese names boards write ("Nápoles, Italia", "Bruselas, Bélgica", "Haia, Países Baixos")
for _variant, _name in {
    "bélgica": "Belgium", "países bajos": "Netherlands", "países baixos": "Netherlands", "holanda": "Netherlands",
    "alemania": "Germany", "alemanha": "Germany", "francia": "France", "frança": "France", "españa": "Spain",
    "espanha": "Spain", "luxemburgo": "Luxembourg", "polonia": "Poland", "polónia": "Poland", "polônia": "Poland",
    "noruega": "Norway", "dinamarca": "Denmark", "reino unido": "United Kingdom", "estados unidos": "United States",
    "canadá": "Canada", "turquía": "Türkiye", "turquia": "Türkiye", "rumanía": "Romania", "roménia": "Romania",
    "grecia": "Greece", "grécia": "Greece", "itália": "Italy",
}.items():
    COUNTRIES.setdefault(_variant, _name)
for _variant, _station in {
    "bruselas": "brussels", "bruxelas": "brussels", "la haya": "the hague", "haia": "the hague", "nápoles": "naples",
    "napoles": "naples", "lisboa": "lisbon", "varsovia": "warsaw", "varsóvia": "warsaw", "múnich": "munich",
    "copenhague": "copenhagen", "viena": "vienna", "ginebra": "geneva", "genebra": "geneva", "atenas": "athens",
    "bucarest": "bucharest", "bucareste": "bucharest",
}.items():
    if _station in DUTY_STATIONS:
        DUTY_STATIONS.setdefault(_variant, DUTY_STATIONS[_station])
COUNTRIES.setdefault("austria", "Austria")
COUNTRIES.setdefault("switzerland", "Switzerland")


def english_city(city: str) -> str:
    """The English name of a NATO duty station ("Bruxelles" -> "Brussels", "Napoli (Lago Patria)" ->
    "Naples (Lago Patria)"); any other place as written."""
    head, paren, tail = city.partition(" (")
    known = DUTY_STATIONS.get(head.strip().lower())
    if known and tail[:-1].isupper() and tail[:-1].isalpha() and tail.endswith(")"):
        return known[0]  # "Mons (SHAPE)", "Capellen (NSPA)": a body's acronym, no place
    if known and tail[:-1] == known[0] and head.strip() != known[0]:
        return city  # "Casteau (Mons)": a place and the duty station it counts as, as written (not "Mons (Mons)")
    return f"{known[0]}{paren}{tail}" if known else city


_COUNTRY_FIRST: Final = rxcache.compile(r"^([^,\-–()]+?)\s*[-–,]\s*(.+)$")
_CITY_PAREN: Final = rxcache.compile(r"^(.+?)\s*\(([^()]+)\)$")


def country_name(text: str) -> str | None:
    """English name of a country written in any of the supported languages, else None."""
    return COUNTRIES.get(text.strip().strip(".").lower())


_SEMICOLON: Final = rxcache.compile(r"\s*;\s*")
_LAST_COMMA: Final = rxcache.compile(r"^(.+),\s*([^,]+)$")  # "Mons, Belgium": the place, then its country


def normalise_location(value: str) -> str:
    """ "Belgium-Brussels" -> "Brussels, Belgium"; "Mons (Belgium)" -> "Mons, Belgium"; else as written."""
    parts = [p.strip() for p in (_SEMICOLON.split(value) if ";" in value else (value,)) if p.strip()]
    return "; ".join(_one_location(p) for p in parts)


# An Italian board's province code after the city: "La Spezia (SP)", "Napoli (NA), Campania"
_PROVINCE: Final = rxcache.compile(r"^([^(),]+?)\s*\([A-Z]{2}\)(?=\s*(?:,|$))")


# A remark in brackets after a place, a phrase of four words or more in lowercase: "(hybrid working within the UK is
# possible up to two days a week)", not a place's part ("(Virginia Beach)", "(DIANA Regional Office for Europe)")
_REMARK: Final = rxcache.compile(r"\s\((?=[a-z])[^()]*?(?:\s[^()\s]+){3,}\)$")


def _one_location(value: str) -> str:
    country: str | None
    value = value.strip().rstrip(".")
    if value.isupper() and len(value) > 4:  # "NORFOLK, VIRGINIA, UNITED STATES": a notice's header in capitals
        value = " ".join(word if len(word) <= 3 else "-".join(part.capitalize() for part in word.split("-"))
                         for word in value.split(" "))
    if "，" in value:
        value = value.replace("，", ", ")  # a Chinese board's full-width comma: "La Spezia，利古里亚大区，意大利"
    if value.endswith(")") and (remark := _REMARK.search(value)):
        value = value[: remark.start()].rstrip()  # "London, United Kingdom (hybrid working ... two days a week)"
    if ")" in value:
        value = _PROVINCE.sub(r"\1", value)
    if " " in value and not value.isascii() and "," not in value:  # "比利时 蒙斯": the country first, a space
        country, _, city = value.partition(" ")
        city = city.strip()
        if city.endswith(")") and not city.isascii():  # "盖伦基兴 (Geilenkirchen)": the Latin name after it
            city = city.partition(" (")[0]
        if country_name(country) and DUTY_STATIONS.get(city.lower()):
            return f"{english_city(city)}, {country_name(country)}"
    m = _COUNTRY_FIRST.match(value)
    country = country_name(m.group(1)) if m else None
    if country and not country_name(m.group(2)):  # type: ignore[union-attr]
        rest = m.group(2).strip()  # type: ignore[union-attr]
        if country == "United States":
            # Taleo's "United States-Virginia-Norfolk", "United States-Norfolk, VA": the state, when it names one, as
            # "City, State, United States" is read
            state, dash, city = rest.partition("-")
            if dash and (state in _STATE_NAMES or state in US_STATES):
                rest = f"{city.strip()}, {state}"
            if rest.rpartition(", ")[2] in US_STATES or rest.rpartition(", ")[2] in _STATE_NAMES:
                return _one_location(f"{rest}, United States")
        if " - " in rest and DUTY_STATIONS.get(rest.rpartition(" - ")[2].lower()):
            rest = rest.rpartition(" - ")[2]  # EURES's "Netherlands - Limburg (NL) - Brunssum": the region, then the city
        return f"{english_city(rest)}, {country}"
    m = _CITY_PAREN.match(value)
    if m and country_name(m.group(2)):
        if "," not in m.group(1):
            return f"{english_city(m.group(1).strip())}, {country_name(m.group(2))}"
        value = f"{m.group(1).strip()}, {m.group(2).strip()}"  # "NATO HQ, Brussels (Belgium)"
    elif m and m.group(1).count(",") == 1:  # "Lisbon, Portugal (Oeiras)": the site after the country
        city, _, country = m.group(1).partition(",")
        if country_name(country.strip()) and (_UNIT.search(m.group(2)) or any(c.isdigit() for c in m.group(2))):
            # "London, United Kingdom (DIANA Regional Office for Europe)": the unit there, no place; "Rome, Italy (Via
            # Giorgio Pelosi 1, Cecchignola)": the street address
            return f"{english_city(city.strip())}, {country_name(country.strip())}"
        if country_name(country.strip()) and DUTY_STATIONS.get(city.strip().lower()):
            return f"{english_city(city.strip())} ({m.group(2).strip()}), {country_name(country.strip())}"
    m = _LAST_COMMA.match(value)
    if m and country_name(m.group(2)):
        country = country_name(m.group(2))
        city = _city_of(m.group(1), keep_state=country in _STATE_COUNTRIES)
        if country == "United States":  # "Norfolk, VA, USA": the state spelled out
            town, _, state = city.rpartition(", ")
            city = f"{town}, {US_STATES.get(_ZIP.sub('', state), state)}" if town else city
        return f"{english_city(city)}, {country}"
    state = _ZIP.sub("", m.group(2)) if m and "," not in m.group(1) else ""
    if state in US_STATES or state in _STATE_NAMES:  # "Norfolk, VA", "Norfolk, VA 23551", "Norfolk, Virginia"
        return f"{m.group(1).strip()}, {US_STATES.get(state, state)}, United States"  # type: ignore[union-attr]
    if m:  # "NATO HQ, Brussels", "Jåttåvågen, 4020 Stavanger": an address that ends in a duty station (no country)
        last = DUTY_STATIONS.get(_POSTCODE.sub("", m.group(2)).strip().lower())
        if last and DUTY_STATIONS.get(m.group(1).split(",")[0].strip().lower()) is None:
            return f"{last[0]}, {last[1]}"
    city = m.group(1).strip() if m else value
    known = DUTY_STATIONS.get(city.partition(" (")[0].strip().lower())
    if known and (m is None or not _ROLE_OR_ORG.search(m.group(2))):
        # "Brunssum, Limburg" (a region), "Bruxelles": the duty station's own country
        return f"{english_city(city)}, {known[1]}"
    return value


def _city_of(places: str, keep_state: bool = False) -> str:
    """The city of "Stavanger, Rogaland", "NATO Headquarters, Brussels": the first piece that is no body or
    building; a region between city and country is left out. With ``keep_state`` (a US or Canadian address,
    where the state tells apart towns of one name) "Norfolk, Virginia" stays whole."""
    pieces = [_ZIP.sub("", _POSTCODE.sub("", p.strip())) for p in places.split(",") if p.strip()]
    if len(pieces) < 2:
        if places.count(" ") > 1 and not keep_state:
            # "CIS Support Unit Bydgoszcz", "NATO HQ Brussels": a unit's name before its duty station
            words = places.split()
            for tail in (" ".join(words[-2:]), words[-1]):
                if tail.lower() in DUTY_STATIONS and len(words) > 2 and places.strip().lower() not in DUTY_STATIONS \
                        and all(w[:1].isupper() and w.isalpha() for w in words):
                    return tail
        return places.strip()
    stations = [p for p in pieces if p.lower() in DUTY_STATIONS]
    if stations and not keep_state:
        return stations[-1]  # "SHAPE, Mons", "Lago Patria, Naples": the duty station (the town the country follows)
    named = [p for p in pieces if "(" not in p and not _ROLE_OR_ORG.search(p) and not _BUILDING.search(p)
             and not (p.isupper() and len(p) > 2)]  # "SHAPE", "NCIA": a body's acronym
    if not named:
        return pieces[-1]
    return ", ".join(named[:2]) if keep_state else named[0]


_STATE_COUNTRIES: Final = frozenset({"United States", "Canada"})
# US states as American boards write them after a city ("Norfolk, VA"); a code that is also a country's ("DE",
# "CA", "IT") keeps the country's meaning (COUNTRIES is asked first)
US_STATES: Final[dict[str, str]] = dict(
    re.findall(r"([A-Z]{2}):(.+?)(?= [A-Z]{2}:|$)", 
        "AK:Alaska AL:Alabama AR:Arkansas AZ:Arizona CO:Colorado CT:Connecticut DC:District of Columbia FL:Florida "
        "GA:Georgia HI:Hawaii IA:Iowa ID:Idaho IL:Illinois IN:Indiana KS:Kansas KY:Kentucky LA:Louisiana "
        "MA:Massachusetts MD:Maryland ME:Maine MI:Michigan MN:Minnesota MO:Missouri MS:Mississippi MT:Montana "
        "NC:North Carolina ND:North Dakota NE:Nebraska NH:New Hampshire NJ:New Jersey NM:New Mexico NV:Nevada "
        "NY:New York OH:Ohio OK:Oklahoma OR:Oregon PA:Pennsylvania RI:Rhode Island SC:South Carolina "
        "SD:South Dakota TN:Tennessee TX:Texas UT:Utah VA:Virginia VT:Vermont WA:Washington WI:Wisconsin "
        "WV:West Virginia WY:Wyoming"
    )
)
_STATE_NAMES: Final = frozenset(US_STATES.values())
_ZIP: Final = rxcache.compile(r"\s+\d{5}(?:-\d{4})?$")  # after a US state: "VA 23551"
# A postcode before a city: "1110 Brussels", "B-1110 Bruxelles", "4020 Stavanger", "1234 AB Den Haag"
_POSTCODE: Final = rxcache.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}(?: [A-Z]{2})?\s+(?=[^\W\d_])")


# What names a body's unit, not a place, in "(...)" after a location: "(DIANA Regional Office for Europe)", "(NCIA CSU)"
_UNIT: Final = rxcache.compile(r"\b(?:(?i:office|unit|division|directorate|branch|section|regional|headquarters|hq|agency|command"
                   r"|centre|center|staff|nato|otan|barracks|caserma|kaserne|caserne|kazerne|air base|airbase)|[A-Z]{3,})\b")
_BUILDING: Final = rxcache.compile(r"\b(?:headquarters|hq|building|campus|base|site|centre|center)\b", re.I)
_ROLE_OR_ORG: Final = rxcache.compile(r"\d|\b(?:nato|otan|agency|command|officer|staff)\b", re.I)


_PLACE_PARTS: Final = rxcache.compile(r"[,\-–()]")


@lru_cache(maxsize=1024)  # (the facts ask about a posting's first lines several times)
def looks_like_location(line: str) -> bool:
    """True for a short line naming a place with its country ("Belgium-Brussels", "Mons, Belgium") or a
    NATO duty station with its region ("Brunssum, Limburg").

    Unlabelled lines need the country's name: "Officer (IT)" is not in Italy."""
    if len(line) > 60 or len(line.split()) > 6:
        return False
    parts = [part.strip() for part in _PLACE_PARTS.split(line)]
    if any(len(part) > 2 and country_name(part) for part in parts):
        return True
    return "," in line and line.count(",") <= 2 and parts[0].lower() in DUTY_STATIONS and not _ROLE_OR_ORG.search(line)
