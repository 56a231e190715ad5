"""Dates in posting text -> dates or aware datetimes.

Every date the job boards write is recognised: numeric day-first dates (``10-01-2026``,
``15/02/26``, ``15.02.2026``), ISO dates (``2026-02-15T23:59Z``), month names in English,
French, German, Dutch, Italian, Polish, Spanish, Portuguese, Norwegian and Turkish
(``14-Dec-2025``, ``February 15, 2026``, ``1er mars 2026``, ``15. März 2026``,
``15 lutego 2026``, ``15 de febrero de 2026``) and Chinese/Japanese/Korean dates
(``2026年2月15日``). A time next to the date (before or after it: ``11:59:00 PM``,
``23h59``, ``2359 hrs``, ``midnight``) and a zone (``CET``, ``Brussels time``, ``GMT+2``,
``+01:00``) are folded into the match. Impossible dates are reported, never rolled over.

The scan is anchored on digits, so a 15 KB text with few dates takes a fraction of a ms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from natosite.importer import rxcache
from natosite.importer.patterns import alternatives, by_first_letter

__all__ = ["DEFAULT_TZ", "DateMatch", "search_date", "find_dates", "parse_date"]

DEFAULT_TZ: Final = "Europe/Brussels"


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text: its span, its value and the zone it is in."""

    start: int
    end: int
    value: dt.date | dt.datetime | None
    timezone: str
    zone_stated: bool
    error: str | None = None


def _words(table: dict[int, str]) -> dict[str, int]:
    return {word: number for number, words in table.items() for word in words.split()}


# Month names, lower case, without a trailing dot. Polish has genitive forms ("15 lutego").
_MONTHS: Final = _words({
    1: "january jan janvier janv januar jänner januari gennaio genn gen styczeń styczen stycznia sty enero ene "
       "janeiro ocak január",
    2: "february feb febr février fevrier févr fevr februar februari febbraio febb luty lutego lut febrero "
       "fevereiro fev şubat subat február",
    3: "march mar mars märz maerz marz mär maart mrt marzo marzec marca março marco mart március márc",
    4: "april apr avril avr aprile aprl kwiecień kwiecien kwietnia kwi abril abr nisan április ápr",
    5: "may mai mei maggio magg maj maja mayo maio mayıs mayis május máj",
    6: "june jun juin juni giugno czerwiec czerwca cze junio junho haziran június jún",
    7: "july jul juillet juil juli luglio lipiec lipca lip julio julho temmuz július júl",
    8: "august aug août aout augustus agosto ago sierpień sierpien sierpnia sie ağustos agustos augusztus",
    9: "september sep sept septembre settembre sett wrzesień wrzesien września wrzesnia wrz septiembre "
       "setiembre setembro set eylül eylul szeptember szept",
    10: "october oct octobre oktober okt ottobre ott październik pazdziernik października pazdziernika paź "
        "octubre outubro out ekim október",
    11: "november nov novembre novembre listopad listopada lis noviembre novembro kasım kasim",
    12: "december dec décembre decembre déc dezember dez dicembre dic grudzień grudzien grudnia gru diciembre "
        "dezembro desember des aralık aralik",
})
# The other NATO nations' languages (and Swedish, Finnish): nominative and genitive forms, as boards write "15. januára
# 2027", "15 ianuarie 2027", "2027 m. sausio 15 d.". A word the table above already has keeps its month there (Polish
# "listopada" is November; Croatian writes October the same way).
for _word, _number in _words({
    1: "leden ledna január januára januar januára siječanj siječnja ianuarie ian януари яну ιανουάριος ιανουαρίου "
       "ιαν sausis sausio janvāris janvārī janv jaanuar jaan tammikuu tammikuuta tammik janar janúar јануари",
    2: "únor února február februára veljača veljače februarie февруари фев φεβρουάριος φεβρουαρίου φεβ vasaris "
       "vasario februāris februārī veebruar veebr helmikuu helmikuuta helmik shkurt shkurtit febrúar февруари",
    3: "březen března marec marca ožujak ožujka martie март μάρτιος μαρτίου μαρ kovas kovo marts martā märts "
       "maaliskuu maaliskuuta maalisk mars marsit",
    4: "duben dubna apríl apríla travanj travnja aprilie април απρίλιος απριλίου απρ balandis balandžio aprīlis "
       "aprīlī aprill huhtikuu huhtikuuta huhtik prill prillit",
    5: "květen května máj mája svibanj svibnja май μάιος μαΐου μαΐ μαΐος gegužė gegužės maijs maijā toukokuu "
       "toukokuuta toukok majit maí",
    6: "červen června jún júna lipanj lipnja iunie юни ιούνιος ιουνίου ιουν birželis birželio jūnijs jūnijā juuni "
       "kesäkuu kesäkuuta kesäk qershor qershorit júní јуни junij",
    7: "červenec července júl júla srpanj srpnja iulie юли ιούλιος ιουλίου ιουλ liepa liepos jūlijs jūlijā juuli "
       "heinäkuu heinäkuuta heinäk korrik korrikut júlí јули julij",
    8: "srpen srpna august augusta kolovoz kolovoza avgust август αύγουστος αυγούστου αυγ rugpjūtis rugpjūčio "
       "augusts augustā elokuu elokuuta elok gusht gushtit ágúst augusti",
    9: "září september septembra rujan rujna septembrie септември σεπτέμβριος σεπτεμβρίου σεπ rugsėjis rugsėjo "
       "septembris septembrī syyskuu syyskuuta syysk shtator shtatorit septembar септември",
    10: "říjen října október októbra octombrie октомври οκτώβριος οκτωβρίου οκτ spalis spalio oktobris oktobrī "
        "oktoober lokakuu lokakuuta lokak tetor tetorit oktobar октомври",
    11: "listopadu november novembra studeni studenoga studenog noiembrie ноември νοέμβριος νοεμβρίου νοε "
        "lapkritis lapkričio novembris novembrī marraskuu marraskuuta marrask nëntor nëntorit nóvember novembar",
    12: "prosinec prosince december decembra prosinac prosinca decembrie декември δεκέμβριος δεκεμβρίου δεκ "
        "gruodis gruodžio decembris decembrī detsember joulukuu joulukuuta jouluk dhjetor dhjetorit desember "
        "decembar",
}).items():
    _MONTHS.setdefault(_word, _number)
_WEEKDAYS: Final = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag "
    "sonnabend sonntag maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lunedì martedì mercoledì "
    "giovedì venerdì sabato domenica lunes martes miércoles jueves viernes sábado domingo poniedziałek wtorek "
    "środa czwartek piątek sobota niedziela"
).split()


def _alternation(words: list[str] | dict[str, int]) -> str:
    """A regex matching any of the words, as a trie so that a non-match fails after a character or two.

    Longer words are tried first at every branch, so "march" wins over "mar".
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer ones are optional
        return f"(?:{body})?"
    return body


_MONTH: Final = rf"(?i:{_alternation(_MONTHS)})(?![^\W\d_])"
_ORDINAL: Final = r"(?:st|nd|rd|th|er|º|°|\.)?"
# The first digit is matched first so that the regex engine skips ahead on a charset.
_DATE: Final = rxcache.compile(
    r"[0-9](?<![\w.,/+-][0-9])(?:"
    r"(?P<iso>[0-9]{3}(?P<isep>[-/.])[0-9]{1,2}(?P=isep)[0-9]{1,2}(?!(?!T[0-9])\w|[.,/-][0-9]))"
    r"|(?P<num>[0-9]?(?P<nsep>[-/.])[0-9]{1,2}(?P=nsep)(?:[0-9]{4}|[0-9]{2})(?!\w|[.,/-][0-9])"
    r"|[0-9]?(?P<csep>\. )[0-9]{1,2}\. [0-9]{4}(?!\w|[.,/-][0-9]))"  # "5. 3. 2027" (Czech, Slovak)
    rf"|(?P<txt>[0-9]?{_ORDINAL}(?:\s*[-/]\s*|\s+(?:(?i:of|de|di)\s+)?|(?<=\.))"
    rf"{_MONTH}(?:\.?\s*[-/]\s*|\.?,?\s+(?:(?i:de|del)\s+)?|\.)"
    r"(?:[0-9]{4}|(?<=[-/])[0-9]{2})(?![0-9])(?:\s?[rг]\.)?)"  # ("2027 r.", "2027 г.": Polish, Bulgarian "year")
    r"|(?P<mdy>[0-9]?(?i:st|nd|rd|th)?,?\s+[0-9]{4}(?![0-9]))"
    r"|(?P<cjk>[0-9]{3}\s*[年년]\s*[0-9]{1,2}\s*[月월]\s*[0-9]{1,2}\s*[日일号])"
    # "2027. március 15." (Hungarian), "2027 m. sausio 15 d." (Lithuanian)
    rf"|(?P<ymd>[0-9]{{3}}(?:\.|\s+m\.)\s*{_MONTH}\.?\s+[0-9]{{1,2}}(?:\.|\s?d\.)?(?![0-9]))"
    r")"
)
_FIELDS: Final = {
    "iso": re.compile(r"(?P<y>[0-9]{4})\D(?P<m>[0-9]+)\D(?P<d>[0-9]+)"),
    "num": re.compile(r"(?P<d>[0-9]+)\D\s?(?P<m>[0-9]+)\D\s?(?P<y>[0-9]+)"),
    "txt": rxcache.compile(rf"(?P<d>[0-9]+).*?(?P<m>{_MONTH}).*?(?P<y>[0-9]+)\D*", re.S),
    "mdy": re.compile(r"(?P<d>[0-9]+)\D*(?P<y>[0-9]{4})"),
    "cjk": re.compile(r"(?P<y>[0-9]{4})\D+(?P<m>[0-9]+)\D+(?P<d>[0-9]+)"),
    "ymd": rxcache.compile(rf"(?P<y>[0-9]{{4}})(?:\.|\s+m\.)\s*(?P<m>{_MONTH})\.?\s+(?P<d>[0-9]+)"),
}
_MDY_MONTH: Final = rxcache.compile(rf"(?<![^\W\d_])(?P<m>{_MONTH})\.?\s*\Z")
_WEEKDAY: Final = rxcache.compile(rf"(?<![^\W\d_])(?i:{_alternation(_WEEKDAYS)})\.?,?\s+(?i:the\s+|le\s+|den\s+)?\Z")

# ---------------------------------------------------------------- times and zones

_TIME: Final = (
    r"(?:(?:[01]?[0-9]|2[0-4])[:.]\s?[0-5][0-9](?:[:.][0-5][0-9])?(?![0-9])(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|(?:[01][0-9]|2[0-4])[0-5][0-9]\s*(?:hrs|hours|hr|h)\b\.?"
    r"|(?:0?[0-9]|1[0-2])\s*[ap]\.?\s?m\b\.?"
    r"|(?:[01]?[0-9]|2[0-4])\s?h(?:\s?[0-5][0-9])?\b"
    r"|(?:12\s?)?(?:midnight|noon|midday)|minuit|midi|mitternacht|middernacht|mezzanotte|medianoche|meia-noite|północ)"
)
_SUFFIX: Final = (r"(?:\s*(?:hrs|hours|hr|uhr|uur|heures|horas|hod|h|ч|val|óra|sati|sata|ώρα)\b\.?)?"
           r"(?:\s*\(?(?:noon|midday|midnight)\)?)?")
_CITY = (
    r"brussels|bruxelles|brussel|brüssel|belgian|belgium|mons|shape|casteau|evere|the\s+hague|den\s+haag|"
    r"la\s+haye|netherlands|dutch|brunssum|amsterdam|norfolk|washington|eastern|us\s+eastern|naples|napoli|rome|roma|"
    r"italian|italy|lisbon|lisboa|oeiras|portugal|portuguese|luxembourg|capellen|betzdorf|paris|france|french|"
    r"bydgoszcz|warsaw|warszawa|poland|polish|madrid|spain|spanish|ankara|izmir|istanbul|turkey|türkiye|"
    r"turkish|stavanger|oslo|norway|norwegian|geilenkirchen|ramstein|uedem|kalkar|germany|german|berlin|bonn|"
    r"ulm|munich|münchen|unterhaching|oberammergau|northwood|la\s+spezia|taranto|neuilly(?:-sur-seine)?|"
    r"torrejón|torrejon|"
    r"london|uk|greenwich|central\s+european(?:\s+summer|\s+standard)?|western\s+european(?:\s+summer)?|"
    r"eastern\s+european(?:\s+summer)?|"
    # the capitals (and posts) of NATO's other nations, and their countries' names
    r"bucharest|romania|romanian|sofia|bulgaria|athens|greece|greek|vilnius|lithuania|riga|latvia|tallinn|estonia|"
    r"helsinki|finland|finnish|stockholm|sweden|swedish|copenhagen|denmark|danish|prague|czech|bratislava|slovakia|"
    r"budapest|hungary|zagreb|croatia|ljubljana|slovenia|tirana|albania|skopje|podgorica|montenegro|reykjavik|"
    r"iceland|szczecin|kraków|krakow|ottawa|halifax|"
    # NATO's missions and offices outside its nations
    r"baghdad|iraq|pristina|prishtina|kosovo|sarajevo|kyiv|kiev|tbilisi"
)
# (grouped by first letter: the zone is tried after every date and time of a text, and a place fails after a letter)
_CITY = by_first_letter(alternatives(_CITY))
_ZONE: Final = (
    r"(?:(?-i:UTC|GMT)\s?[+\-−–]\s?[0-9]{1,2}(?::?[0-5][0-9])?"
    r"|(?-i:(?:Europe|America|Atlantic)/[A-Z][A-Za-z_]{2,20})(?![\w/])"  # an IANA name: "(Europe/Rome)" (EURAXESS)
    r"|(?-i:(?:CEST|CET|MESZ|MEZ|MEST|MET|GMT|UTC|EST|EDT|ET|WEST|WET|EEST|EET|TRT|BST)(?:/(?:CEST|MESZ|EDT|WEST|EEST))?)"
    r"(?![\w])"
    rf"|(?:{_CITY})(?:,\s*[A-Z][a-z]{{3,15}})?(?:\s+(?:local\s+|standard\s+|daylight\s+|mean\s+|peninsular\s+)?time)"
    rf"|(?:local\s+)?time\s+in\s+(?:the\s+)?(?:{_CITY})(?![\w])"
    rf"|local\s+(?:{_CITY})\s+time(?![\w])"  # ("local German time")
    rf"|local\s+\(\s*(?:{_CITY})\s*\)\s+time(?![\w])"  # ("1700 hrs local (Geilenkirchen) time")
    # "local time Geilenkirchen", "local time (Bydgoszcz)": the place after the words
    rf"|local\s+time\s+(?:\(\s*(?:{_CITY})\s*\)|(?:{_CITY})(?![\w]))"
    rf"|(?:heure|ora|hora)\s+(?:de\s+|di\s+|d'|d’)?(?:{_CITY}|belge|locale|local|peninsular)(?![\w])"
    # "ora italiana", "heure française", "hora española", "czasu polskiego": a nation's time in its own language
    r"|(?:heure|ora|hora)\s+(?:italiana|française|francaise|española|espanola|portuguesa|belga)(?![\w])"
    r"|czasu\s+(?:polskiego|warszawskiego)(?![\w])"
    # "Brüsseler Zeit", "Luxemburger Zeit", "belgische tijd", "norsk tid": a place's adjective (_ZONE_NAMES tells
    # which; one it does not know is no zone) and "time" in German, Dutch or a Scandinavian language
    r"|[^\W\d_]{4,20}\s+(?:zeit|tijd|tid)(?![\w])"
    r"|coordinated\s+universal\s+time|local\s+time|ortszeit|lokale\s+tijd|ora\s+locale)"
)
# (in brackets, a second name of the zone after "/" or ",": "(ora italiana / Italian time)", "(Türkiye time, UTC+3)"; after
# an abbreviation, the place in brackets: "CET (Luxembourg time)")
_ZONE_AFTER_TIME: Final = (
    rf"(?:Z(?![\w])| ?[+\-−][0-9]{{2}}:?[0-5][0-9](?![0-9])|\s*[(\[]\s*{_ZONE}(?:\s*[/,;]\s*{_ZONE})?\s*[)\]]"
    rf"|\s*,?\s*{_ZONE}(?:\s*[(\[]\s*{_ZONE}(?:\s*[/,;]\s*{_ZONE})?\s*[)\]])?)"
)
# "at" before a time: English, French, German, Dutch, Italian, Polish, Spanish, Portuguese, the Nordic "kl.", Turkish,
# Czech/Slovak "o"/"do", Finnish "klo", Estonian "kell", Latvian "plkst.", Romanian/Albanian "ora", Croatian "u",
# Slovenian "ob", Bulgarian/Macedonian "в"/"во"/"до", Greek "στις"
_CONNECTOR: Final = (r"(?:(?:at|by|before|until|à|a|um|om|alle|ore|godz\.?|las|às|kl\.?|saat|o|do|bis|klo|kell|plkst\.?|ora"
              r"|u|ob|в|во|до|στις)\s+){0,2}")
# A date's form in letters: "dd/mm/yyyy", "DD.MM.YYYY", "jj/mm/aaaa" (French), "TT.MM.JJJJ" (German)
_DATE_FORM: Final = r"(?:[dmyjatDMYJAT]{1,4}[./-]){2}[dmyjatDMYJAT]{2,4}"
_GAP: Final = r"[^\S\n]*\n?[^\S\n]*"  # spaces and at most one line break: a blank line ends the date
_FORWARD: Final = rxcache.compile(
    # (".": "15.01.2027. u 23:59"; "r.": Polish "rok"; "(Sunday)": the day's name after its date)
    # ("(dd/mm/yyyy)": the date's form, which a notice may write after it)
    rf"(?:T(?=[0-9])|\.?(?:\s*r\.)?(?:[^\S\n]*\((?i:{_alternation(_WEEKDAYS)}|{_DATE_FORM})\))?"
    rf"(?:{_GAP}[,\-–—|@])?{_GAP}{_CONNECTOR})"
    rf"(?P<t1>{_TIME}){_SUFFIX}"
    rf"(?P<z1>{_ZONE_AFTER_TIME})?"
    rf"|{_GAP}[(\[]\s*{_CONNECTOR}(?P<t2>{_TIME}){_SUFFIX}(?P<z2>{_ZONE_AFTER_TIME})?\s*[)\]]"
    rf"|(?P<z3>{_GAP}[(\[]\s*{_ZONE}\s*[)\]]|{_GAP},?[^\S\n]*{_ZONE})",
    re.I,
)
_BACKWARD: Final = rxcache.compile(
    # ("23:59 hrs Eastern Time (Norfolk, VA) on 18 February 2027": the zone's place in brackets after it)
    rf"(?<![\w:.])(?P<t1>{_TIME}){_SUFFIX}(?P<z1>{_ZONE_AFTER_TIME}(?:[^\S\n]*\([^()\n\d]{{1,30}}\))?)?"
    rf"{_GAP}(?:[,\-–—]{_GAP})?(?:(?:on|of|the|le|du|am|op|il|el|del|den|dnia)\s+)*\Z",
    re.I,
)
_TIME_WORDS: Final = {"midnight": (23, 59, 0), "minuit": (23, 59, 0), "mitternacht": (23, 59, 0),
               "middernacht": (23, 59, 0), "mezzanotte": (23, 59, 0), "medianoche": (23, 59, 0),
               "meia-noite": (23, 59, 0), "północ": (23, 59, 0),
               "noon": (12, 0, 0), "midday": (12, 0, 0), "midi": (12, 0, 0)}
_TIME_FIELDS: Final = rxcache.compile(r"([0-9]{1,2})(?:\s?[:.h]\s?)?([0-9]{2})?(?:[:.]([0-9]{2}))?", re.I)
_AMPM: Final = rxcache.compile(r"([ap])\.?\s?m\b", re.I)
_OFFSET: Final = rxcache.compile(r"(?:UTC|GMT)?\s?([+\-−–])\s?([0-9]{1,2}):?([0-9]{2})?\Z", re.I)
_ZONE_NAMES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.I), zone)
    for words, zone in (
        (r"western\s+european|wet|west|lisbon|lisboa|oeiras|portugal|portuguese", "Europe/Lisbon"),
        (r"eet|eest|eastern\s+european|athens|greece|greek", "Europe/Athens"),
        (r"bucharest|romania|romanian", "Europe/Bucharest"),
        (r"sofia|bulgaria", "Europe/Sofia"),
        (r"vilnius|lithuania", "Europe/Vilnius"),
        (r"riga|latvia", "Europe/Riga"),
        (r"tallinn|estonia", "Europe/Tallinn"),
        (r"helsinki|finland|finnish", "Europe/Helsinki"),
        (r"stockholm|sweden|swedish", "Europe/Stockholm"),
        (r"copenhagen|denmark|danish", "Europe/Copenhagen"),
        (r"prague|czech", "Europe/Prague"),
        (r"bratislava|slovakia", "Europe/Bratislava"),
        (r"budapest|hungary", "Europe/Budapest"),
        (r"zagreb|croatia", "Europe/Zagreb"),
        (r"ljubljana|slovenia", "Europe/Ljubljana"),
        (r"tirana|albania", "Europe/Tirane"),
        (r"skopje", "Europe/Skopje"),
        (r"podgorica|montenegro", "Europe/Podgorica"),
        (r"reykjavik|iceland", "Atlantic/Reykjavik"),
        (r"ottawa", "America/Toronto"),
        (r"halifax", "America/Halifax"),
        (r"gmt|utc|coordinated|greenwich|z", "UTC"),
        (r"bst|london|uk|northwood|britische[rn]?|britse", "Europe/London"),
        (r"geilenkirchen|ramstein|uedem|kalkar|germany|german|berlin|bonn|ulm|munich|münchen|unterhaching"
         r"|oberammergau|deutsche[rn]?", "Europe/Berlin"),
        # (CET by its German name and letters, "MEZ", "MESZ", "mitteleuropäische Zeit": CET, as "CET" is read)
        (r"cet|cest|met|mest|mez|mesz|mitteleuropäische[rn]?|central\s+european|brussels|bruxelles|brussel|brüssel"
         r"|brüsseler|brusselse|"
         r"belgian|belgium|belge|belga|belgische[rn]?|mons|shape|casteau|evere", "Europe/Brussels"),
        (r"the\s+hague|den\s+haag|la\s+haye|netherlands|dutch|brunssum|amsterdam|niederländische[rn]?|nederlandse",
         "Europe/Amsterdam"),
        (r"est|edt|(?-i:ET)|eastern|norfolk|washington", "America/New_York"),  # ("ET": US Eastern Time)
        (r"naples|napoli|rome|roma|la\s+spezia|taranto|italian|italiana|italy|italienische[rn]?|italiaanse", "Europe/Rome"),
        (r"luxembourg|capellen|betzdorf|luxemburger|luxemburgische[rn]?", "Europe/Luxembourg"),
        (r"paris|neuilly|france|french|française|francaise", "Europe/Paris"),
        (r"bydgoszcz|warsaw|warszawa|warszawskiego|poland|polish|polskiego|szczecin|kraków|krakow", "Europe/Warsaw"),
        (r"madrid|torrejón|torrejon|spain|spanish|española|espanola|peninsular", "Europe/Madrid"),
        (r"ankara|izmir|istanbul|turkey|türkiye|turkish|trt", "Europe/Istanbul"),
        (r"stavanger|oslo|norway|norwegian|norwegische[rn]?|noorse|norsk", "Europe/Oslo"),
        (r"dansk", "Europe/Copenhagen"),
        (r"svensk", "Europe/Stockholm"),
        (r"portugiesische[rn]?|portugese|portuguesa", "Europe/Lisbon"),
        (r"baghdad|iraq", "Asia/Baghdad"),
        (r"pristina|prishtina|kosovo", "Europe/Belgrade"),
        (r"sarajevo", "Europe/Sarajevo"),
        (r"kyiv|kiev", "Europe/Kyiv"),
        (r"tbilisi", "Asia/Tbilisi"),
        (r"chi[sș]in[aă]u|moldova", "Europe/Chisinau"),
        (r"kuwait", "Asia/Kuwait"),
    )
)
_LEAD: Final = rxcache.compile(
    r"[\s:;,.>|\-–—]*(?:(?:by|on|before|until|till|at|the|le|au|am|bis|tot|op|entro|il|do|hasta|el|"
    r"not\s+later\s+than|no\s+later\s+than)\b[\s:,]*)*",
    re.I,
)
_LOOKBACK: Final = 80  # characters before a date searched for a weekday or a time
_PARSE_WINDOW: Final = 300


@lru_cache(maxsize=64)
def _zone(name: str) -> dt.tzinfo:
    """The tzinfo of an IANA name, or of a fixed "UTC+05:30" offset."""
    fixed = _OFFSET.match(name[3:]) if name.startswith("UTC") and len(name) > 3 else None
    if fixed:
        return _fixed_offset(fixed)[1]
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _fixed_offset(found: re.Match[str]) -> tuple[str, dt.tzinfo]:
    """IANA name (Etc/GMT-1 is UTC+1) and tzinfo of a parsed UTC offset."""
    sign = -1 if found.group(1) in "-−–" else 1
    hours, minutes = int(found.group(2)), int(found.group(3) or 0)
    if hours == 0 and minutes == 0:
        return "UTC", ZoneInfo("UTC")
    if minutes == 0 and hours <= 14:
        name = f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
        return name, ZoneInfo(name)
    offset = dt.timedelta(hours=hours, minutes=minutes) * sign
    text = f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
    return text, dt.timezone(offset, text)


@lru_cache(maxsize=512)
def _resolve_zone(text: str | None) -> tuple[str, dt.tzinfo] | None:
    """(name, tzinfo) of the zone the text names, or None when it names none (e.g. "local time"). Of two names
    ("CET (Luxembourg time)", "Türkiye time, UTC+3") the place's wins over an abbreviation or an offset. (Cached: the
    same few zones come back in posting after posting, and finding one tried up to 42 patterns in turn, ~0.5% of an
    import's instructions.)"""
    if not text:
        return None
    text = text.strip(" ,([])\t")
    if text[:7] in ("Europe/", "America", "Atlanti") and _IANA_NAME.match(text):
        try:
            return text, _zone(text)  # "Europe/Rome"
        except (ZoneInfoNotFoundError, ValueError):
            return None
    parts = [part for part in _ZONE_PARTS.split(text) if part.strip(" ,([])\t")] if _ZONE_PARTS.search(text) else []
    if len(parts) > 1:
        named = [part for part in parts if not _ABBREVIATION.match(part)]
        for part in named + parts:
            found = _resolve_zone(part)
            if found:
                return found
        return None
    offset = _OFFSET.match(text)
    if offset:
        return _fixed_offset(offset)
    for pattern, zone in _ZONE_NAMES:
        if pattern.search(text):
            return zone, _zone(zone)
    return None


_IANA_NAME: Final = rxcache.compile(r"(?:Europe|America|Atlantic)/[A-Z][A-Za-z_]{2,20}$")
_ZONE_PARTS: Final = rxcache.compile(r"\s*(?:[(\[\])]|\s/\s|/(?![A-Z]{3,4}\b)|,)\s*")
_ABBREVIATION: Final = rxcache.compile(r"^\s*(?:[A-Z]{1,5}|(?:UTC|GMT)?\s?[+\-−–]\s?\d.*)\s*$")


@lru_cache(maxsize=256)
def _parse_time(text: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time text, 24-hour; None when the time is impossible. (Cached: "23:59",
    "11:59 PM", "midnight" in posting after posting.)"""
    word = _TIME_WORDS.get(text.lower().removeprefix("12").strip())
    if word:
        return word
    fields = _TIME_FIELDS.match(text)
    if not fields:
        return None
    hour, minute, second = (int(g) if g else 0 for g in fields.groups())
    ampm = _AMPM.search(text, fields.end())
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm.group(1).lower() == "p" else 0)
    if hour == 24 and (minute or second) or hour > 24 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _date_fields(kind: str, text: str, window_start: int, found: re.Match[str]) -> tuple[int, int, int, int] | None:
    """(year, month, day, start) of a date candidate, or None when it is not a date after all.

    ``start`` moves back to the month name of a "February 15, 2026" date.
    """
    start = found.start()
    fields = _FIELDS[kind].match(found.group())
    if not fields:
        return None
    if kind == "mdy":
        month_name = _MDY_MONTH.search(text, window_start, start)
        if not month_name:
            return None
        month, start = _MONTHS[month_name.group("m").lower()], month_name.start()
    elif kind in ("txt", "ymd"):
        month = _MONTHS[fields.group("m").lower()]
    else:
        month = int(fields.group("m"))
    day, year_text = int(fields.group("d")), fields.group("y")
    if kind == "num" and len(year_text) == 2 and found.group("nsep") == "." and not (
        len(fields.group("d")) == 2 == len(fields.group("m"))
    ):
        return None  # "1.2.10" is a section or version number, "01.02.10" a date
    year = int(year_text) + 2000 if len(year_text) == 2 else int(year_text)
    if not 1900 <= year <= 2199:
        return None
    return year, month, day, start


def _impossible(text: str, kind: str, month: int, day: int) -> str:
    """The error message of a date that does not exist."""
    if kind == "num" and month > 12 and 1 <= day <= 12:
        return f"{text} is not a real date (dates are read day first)"
    return f"{text} is not a real date"


def _iter_dates(text: str, default_tz: str, stop: int | None = None) -> Iterator[DateMatch]:
    """Yield every DateMatch of the text (up to ``stop``), in order."""
    default = (default_tz, _zone(default_tz))
    pos = last_end = 0
    stop = len(text) if stop is None else stop
    while found := _DATE.search(text, pos, stop):
        match = _date_match(text, found, last_end, default)
        if match is None:
            pos = found.start() + 1  # a rejected candidate must not hide a date that overlaps it
            continue
        yield match
        pos = last_end = match.end


def _date_match(
    text: str, found: re.Match[str], last_end: int, default: tuple[str, dt.tzinfo]
) -> DateMatch | None:
    """The DateMatch of one candidate of _DATE, with its weekday, time and zone; None if not a date."""
    kind = next(name for name in _FIELDS if found.group(name) is not None)
    window_start = max(last_end, found.start() - _LOOKBACK)
    fields = _date_fields(kind, text, window_start, found)
    if fields is None:
        return None
    year, month, day, start = fields
    core = text[start : found.end()]
    weekday = _WEEKDAY.search(text, window_start, start)
    if weekday:
        start = weekday.start()
    clock, zone_text, start, end = _extend(text, max(last_end, start - _LOOKBACK), start, found.end())
    zone = _resolve_zone(zone_text)
    tz_name, tzinfo = zone or default
    if kind == "num" and zone is not None and tz_name.startswith("America/") and found.group("nsep") == "/" \
            and day <= 12:
        month, day = day, month  # "03/01/2027 11:59 PM EST": an American date is month/day/year
    try:
        value: dt.date | dt.datetime = dt.date(year, month, day)
    except ValueError:
        return DateMatch(start, end, None, tz_name, zone is not None, _impossible(core, kind, month, day))
    if clock is not None:
        hour, minute, second = clock
        next_day = dt.timedelta(days=1 if hour == 24 else 0)  # "24:00" is the end of the day
        value = dt.datetime(year, month, day, hour % 24, minute, second, tzinfo=tzinfo) + next_day
    return DateMatch(start, end, value, tz_name, zone is not None)


def _extend(
    text: str, window_start: int, start: int, end: int
) -> tuple[tuple[int, int, int] | None, str | None, int, int]:
    """Fold a time and a zone after (or a time before) the date into the match."""
    after = _FORWARD.match(text, end)
    if after:
        clock_text = after.group("t1") or after.group("t2")
        clock = _parse_time(clock_text) if clock_text else None
        if clock is not None or not clock_text:
            zone_text = after.group("z1") or after.group("z2") or after.group("z3")
            before = _BACKWARD.search(text, window_start, start) if clock is None else None
            if before and not before.group("z1") and (early := _parse_time(before.group("t1"))) is not None:
                return early, zone_text, before.start(), after.end()  # "by midnight on 5 November 2026 (CET)"
            return clock, zone_text, start, after.end()
    before = _BACKWARD.search(text, window_start, start)
    if before:
        clock = _parse_time(before.group("t1"))
        if clock is not None:
            return clock, before.group("z1"), before.start(), end
    return None, None, start, end


def find_dates(text: str, default_tz: str = DEFAULT_TZ) -> list[DateMatch]:
    """Every date in the text, in order."""
    return list(_iter_dates(text, default_tz))


def search_date(text: str, default_tz: str = DEFAULT_TZ) -> DateMatch | None:
    """The first date in the text, or None."""
    return next(_iter_dates(text, default_tz), None)


def parse_date(text: str, default_tz: str = DEFAULT_TZ) -> DateMatch | None:
    """The date at the start of the text (after spaces, colons, "by", "on", ...), or None."""
    lead = _LEAD.match(text).end()  # type: ignore[union-attr]
    for found in _iter_dates(text, default_tz, stop=min(len(text), lead + _PARSE_WINDOW)):
        return found if found.start == lead else None
    return None
