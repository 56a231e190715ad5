"""Labelled fields of a posting ("Application Deadline" / "14-Dec-2025, ...", "GRADE: B-4/G-10").

Boards show a field either as a label alone on its line with the value on the next
line, or as ``label: value`` on one line. ``find_fields(lines)`` finds both, in
English, French, German, Dutch, Italian, Polish and Chinese, and says which lines
a board-layout field used (those lines are left out of the body: their facts are
in the front matter). Values are normalised by the small functions at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Final

from natosite.importer import rxcache
from natosite.importer.grades import parse_grade
from natosite.importer.patterns import Caseless, alternatives, by_first_letter

# Deadline labels of how long a board shows its listing (a posting's own closing date wins over them: see
# facts._find_deadline)
LISTING_EXPIRY_LABELS: Final = (
    "expiry date", "expiration date", "expires", "expires on", "valid until", "date d'expiration",
    "date d’expiration", "ablaufdatum", "gültig bis", "vervaldatum", "geldig tot", "data ważności", "ważna do",
)

# fact key -> labels (lowercase, without the trailing colon)
LABELS: Final[dict[str, tuple[str, ...]]] = {
    "title": (
        # Norwegian, Turkish and Czech boards (finn.no, kariyer.net, jobs.cz)
        "stillingstittel", "stilling", "pozisyon", "pozisyon adı", "ilan başlığı", "pozice", "název pozice",
        "título", "título del puesto", "puesto", "nombre del puesto", "cargo", "título do cargo", "título da vaga", "vaga", "función",
        "titre de l'emploi", "titel", "jobtitel", "functienaam", "titolo del lavoro", "tytuł stanowiska", "职位标题",
        "title", "job title", "post title", "position title", "position", "vacancy title", "job", "post",
        "job vacancy",
        "intitulé du poste", "intitulé", "titre du poste", "titre", "poste", "stellenbezeichnung", "stellentitel",
        "originaltitel",
        "position (de)", "functietitel", "functie", "vacaturetitel", "titolo", "titolo della posizione",
        "posizione", "stanowisko", "nazwa stanowiska", "职位名称", "职位", "工作名称", "岗位名称", "岗位",
        "vacancy", "vacancy title", "role", "job name", "titre de l'offre", "poste à pourvoir", "vacature",
        "posizione aperta", "titolo posizione",
        # a newsletter's or a post's headline: "We are hiring: Scientist (Autonomous Underwater Systems)"
        "we are hiring", "we're hiring", "we’re hiring", "now hiring", "job opening", "open position",
    ),
    "reference": (
        "requisition #", "req #", "job #", "vacancy #", "ref #", "reference #", "posting #", "job no", "job no.",
        "stillings-id", "finn-kode", "ilan no", "ilan numarası", "ilan kodu", "referenční číslo", "číslo nabídky", "číslo pozice",
        "referencia", "número de referencia", "nº de referencia", "n° de referencia", "número de vacante", "código de vacante", "n.º de referência", "número da vaga", "código de referencia", "n.º de referencia", "código", "código de la oferta", "referência", "número de referência", "código da vaga",
        "vacancy number", "vacancy no", "vacancy no.", "vacancy ref", "vacancy ref.", "vacancy reference",
        "vacancy reference number", "vacancy id", "reference", "reference number", "ref", "ref.", "job id",
        "job number", "job reference", "requisition id", "requisition number", "req id", "post number", "position number",
        "req. no.", "req no", "requisition no.", "requisition no",
        "numéro de l'offre", "numéro de l’offre", "numéro de vacance", "référence", "réf", "réf.",
        "referenz", "referenznummer", "kennziffer", "stellennummer", "referentie", "referentienummer",
        "vacaturenummer", "riferimento", "numero di riferimento", "codice", "codice offerta", "codice posizione", "numer referencyjny", "numer oferty", "numer",
        "nr referencyjny", "sygnatura", "职位编号", "编号", "岗位编号", "stellenreferenz", "stellen-referenz",
        "vacature-id", "vacature id", "vacaturecode", "rif", "rif.", "rif. annuncio", "riferimento annuncio", "codice annuncio",
        "id annuncio", "stellen-id", "stellen id", "kenn-nr", "kenn-nr.", "kennnummer", "numer ogłoszenia",
        "nr ref", "nr ref.", "nr. ref.", "numer ref.", "vacancy notice no", "vacancy notice no.",
        "vacancy notice number", "notice no", "notice no.", "notice number", "vacancy number", "job ref",
        "job ref.", "reference no", "reference no.", "ref. no.", "ref no", "ref no.", "requisition",
        "référence du poste", "référence de l'offre", "n° de référence", "numéro de référence", "job id",
        "numéro d'avis de vacance", "numéro de l'avis de vacance", "n° d'avis de vacance", "n° de l'avis de vacance",
        "numéro de l'avis", "référence de l'avis de vacance", "avis de vacance n°", "avis de vacance no",
        "job-id", "stellennummer", "job opening number", "job opening no", "job opening no.", "job opening id",
        "ausschreibungsnummer", "vacancy nr", "vacancy nr.", "vacancy notice nr", "vacancy notice nr.", "reference nr",
        "reference nr.", "position reference", "position ref", "position ref.", "position reference number",
        "post nr", "post nr.",
    ),
    "organisation": (
        "who",  # (a person's own notes)
        "arbeidsgiver", "firma", "şirket", "işveren", "kurum", "zadavatel", "zaměstnavatel", "společnost",
        "organización", "organizacion", "agencia", "organismo otan", "empleador", "empresa", "organização", "agência", "entidade", "empregador",
        "organisme de l'otan", "organisme de l’otan", "entité otan", "nato-organisation", "nato-dienststelle", "nato-gremium", "nato-orgaan", "nato-instantie", "organismo nato", "organismo", "ente nato", "organ nato", "jednostka nato", "北约机构", "机构名称",
        "nato body", "organisation", "organization", "employer", "agency", "company", "hiring organisation",
        "hiring organization", "organisme", "organisation otan", "employeur", "arbeitgeber", "organisation (de)",
        "dienststelle", "organisatie", "werkgever", "ente", "organizzazione", "datore di lavoro", "pracodawca",
        "organizacja", "公司", "雇主", "机构", "用人单位", "招聘单位", "招聘机构",
    ),
    "location": (
        "where",  # (a person's own notes)
        "localidade", "local", "sted", "arbeidssted", "lokasyon", "konum", "çalışma yeri", "şehir",
        "místo pracoviště", "místo výkonu práce", "lokalita",
        "ubicación", "ubicacion", "lugar de trabajo", "lugar de destino", "localización", "sede de trabajo", "localização", "local de trabalho",
        "lieu principal", "emplacement principal", "hauptstandort", "primärer standort", "primaire locatie", "hoofdlocatie", "sede principale", "località principale", "lokalizacja główna", "główna lokalizacja", "主要地点", "主要位置", "lieu de travail principal",
        "primary location", "location", "locations", "duty location", "duty station", "place of work", "place of duty",
        "work location", "job location", "lieu", "lieu de travail", "localisation", "lieu d'affectation",
        "arbeitsort", "dienstort", "standort", "einsatzort", "locatie", "standplaats", "werklocatie",
        "plaats", "sede", "luogo di lavoro", "sede di lavoro", "località", "lokalizacja", "miejsce pracy",
        "工作地点", "地点", "位置", "工作城市", "城市",
    ),
    "grade": (
        "derece", "kadro derecesi", "platová třída", "lønnstrinn",
        "grau",
        "grade (otan)", "grad", "nato-besoldungsgruppe", "nato-rang", "grado nato", "stopień nato", "北约等级",
        "grade", "nato grade", "grade/level", "grade level", "grade(s)", "niveau", "grade otan", "grade (otan)",
        "besoldungsgruppe", "besoldung", "einstufung", "schaal", "salarisschaal", "rang", "grado", "livello", "stopień",
        "grupa zaszeregowania", "职级", "等级", "级别", "entgeltgruppe", "vergütungsgruppe", "loonschaal",
    ),
    "salary": (
        "money",  # (a person's own notes)
        "fizetés", "havi bér", "bruttó bér", "lønn", "månedslønn", "maaş", "ücret", "aylık maaş", "nabízený plat", "plat", "mzda",
        "salario", "salario base", "salario mensual base", "remuneración", "remuneración mensual", "sueldo mensual", "remuneração base", "remuneração mensal", "salario base mensual", "salario mensual", "sueldo", "sueldo base", "retribución", "salário", "salário base", "salário base mensal", "salário mensal", "remuneração", "vencimento", "vencimento base",
        "salaire (base de paie)", "salaire (base de rémunération)", "salaire (base)", "gehalt (grundlage)", "gehalt (vergütungsbasis)", "gehalt (basis)", "salaris (betalingsbasis)", "salaris (basis)", "stipendio (base retributiva)", "stipendio (base di pagamento)", "wynagrodzenie (podstawa)", "wynagrodzenie (podstawa wynagrodzenia)", "薪资（支付基础）", "薪资 (支付基础)", "薪酬",
        "salary (pay basis)", "salary", "basic salary", "monthly salary", "basic monthly salary",
        "basic monthly salary for this post", "basic monthly salary for this position", "gross monthly salary",
        "monthly gross salary", "basic annual salary", "annual basic salary",
        "monthly basic salary", "pay", "remuneration", "salaire", "salaire de base", "salaire mensuel",
        "salaire de base mensuel", "rémunération", "traitement", "gehalt", "grundgehalt", "monatsgehalt",
        "vergütung", "salaris", "basissalaris", "maandsalaris", "stipendio", "stipendio base",
        "retribuzione", "wynagrodzenie", "wynagrodzenie zasadnicze", "薪水", "薪资", "工资", "月薪",
        "basic pay", "base salary", "basic monthly pay", "monthly pay", "salary (monthly)", "net salary",
        "stipendio base mensile", "stipendio mensile", "stipendio mensile di base", "retribuzione mensile",
        "retribuzione mensile di base", "retribuzione di base", "retribuzione base mensile",
        "retribuzione base", "monatliches grundgehalt", "grundgehalt monatlich", "basisgehalt", "bruttogehalt",
        "salaire mensuel de base", "rémunération mensuelle", "traitement de base", "traitement mensuel de base",
        "traitement mensuel", "basismaandsalaris",
        "bruto maandsalaris", "maandelijks basissalaris", "wynagrodzenie miesięczne", "wynagrodzenie podstawowe",
        "wynagrodzenie zasadnicze miesięczne", "salarisindicatie", "salaris indicatie", "salarisindicatie per maand",
    ),
    "schedule": (
        "darbo pobūdis", "είδος απασχόλησης", "نوع التوظيف", "نوع الوظيفة",  # (Lithuanian, Greek, Arabic boards:
        # "type of employment")
        "hours",  # (a person's own notes)
        "uren", "uren per week", "aantal uren", "wochenstunden",  # ("Uren: 40 uur per week · Fulltime")
        "munkaidő", "foglalkoztatás típusa",  # (Hungarian: "working time", "kind of employment")
        "heltid/deltid", "omfang", "arbejdstid", "omfattning", "arbetstid", "τύπος απασχόλησης", "απασχόληση",
        "τύπος εργασίας", "ωράριο",  # (Greek: "type of work", "working hours")
        "lloji i punës", "orari i punës", "koha e punës",  # (Albanian: "type of work", "working hours")
        "tip job", "program de lucru", "munkarend", "çalışma şekli", "çalışma zamanı", "typ pracovního poměru", "úvazek",
        "jornada", "tipo de jornada", "horario", "jornada laboral", "tipo de empleo", "horário", "regime", "jornada de trabalho", "tipo de emprego", "regime de trabalho",
        "werkschema", "rooster", "harmonogram", "wymiar czasu pracy", "temps de travail (horaire)",
        "schedule", "work schedule", "working time", "working hours", "job type", "employment type",
        "horaire", "temps de travail", "type d'emploi", "arbeitszeit", "beschäftigungsart", "werktijden",
        "dienstverband", "arbeidsduur", "orario", "orario di lavoro", "tipo di impiego", "wymiar etatu",
        "wymiar pracy", "rodzaj zatrudnienia", "工作类型", "工作时间", "工作性质", "雇用形態", "勤務形態",
        "work pattern", "working pattern", "working schedule", "contract hours", "full/part time", "employment",
        "position type", "job status",  # (a forwarded notice's table; EURAXESS's "Job Status: Full-time")
        "workload", "work load",  # ("Workload: Part-time (0.6 FTE, 24 hours per week)")
        "type of employment",
        "type of post", "régime de travail", "temps de travail", "arbeitszeitmodell", "stellenumfang",
        "werkweek", "uren per week", "aantal uren", "tempo di lavoro", "czas pracy",
        # (Swiss boards' share of a full week, "Pensum: 100%"; German boards' "Anstellungsart: Vollzeit")
        "pensum", "arbeitspensum", "beschäftigungsgrad", "taux d'activité", "taux d'occupation", "grado di occupazione",
        "anstellungsart",
    ),
    "deadline": (
        "jelentkezési határidő", "beadási határidő", "határidő", "unposting date", "frist", "søknadsfrist", "son başvuru tarihi", "son başvuru", "uzávěrka přihlášek",
        "uzávěrka", "datum uzávěrky",
        "fecha límite", "fecha limite", "plazo", "plazo de presentación", "plazo de presentación de solicitudes", "plazo de inscripción", "fecha límite de solicitud", "prazo de inscrição", "data limite para candidaturas", "data de encerramento das candidaturas", "plazo de solicitud", "fecha de cierre", "cierre de la convocatoria", "data limite de candidatura", "prazo", "prazo de candidatura", "data de encerramento",
        *LISTING_EXPIRY_LABELS,
        "sollicitatiedeadline", "deadline voor sollicitaties", "scadenza della candidatura", "termin składania wniosków", "termin aplikacji", "date limite de dépôt", "data limite", "截止",
        "posting period", "application period",  # (a period's end: see facts._find_deadline)
        "application deadline", "deadline", "closing date", "closing date for applications", "apply by",
        "applications close", "deadline for applications", "application closing date", "date limite", "closing",
        "date limite de candidature", "date limite de dépôt des candidatures", "date de clôture",
        "clôture des candidatures", "bewerbungsschluss", "bewerbungsfrist", "einsendeschluss",
        "sluitingsdatum", "uiterste datum", "reageren voor", "reageren vóór", "reageren uiterlijk",
        "reageer uiterlijk",
        "solliciteren uiterlijk", "solliciteren voor", "solliciteren vóór", "scadenza",
        "data di scadenza", "scadenza candidature", "termine", "termine ultimo", "termin składania aplikacji",
        "termin składania ofert", "termin składania dokumentów", "termin nadsyłania zgłoszeń", "termin",
        "ostateczny termin", "最后期限", "截止日期", "申请截止日期", "截止时间", "申请截止",
    ),
    "posts": (
        "antall stillinger", "kadro sayısı", "počet míst",
        "número de plazas", "plazas", "vacantes", "número de vagas", "vagas",
        "number of posts", "posts", "number of positions", "vacancies", "number of vacancies",
        "nombre de postes", "anzahl der stellen", "anzahl stellen", "aantal vacatures", "aantal functies",
        "numero di posti", "posti disponibili", "liczba stanowisk", "liczba etatów", "招聘人数",
    ),
    "division": (
        "división", "dirección", "departamento", "divisão", "direção",
        "division", "directorate", "division/office", "division/directorate", "directorate/branch", "division/branch",
        "department", "branch",
        "direction", "abteilung", "bereich", "direktion", "directie", "divisie", "afdeling", "divisione", "direzione",
        "departament", "wydział", "pion", "部门",
    ),
    "contract": ("ansettelsesform", "typ smluvního vztahu", "sözleşme türü", "contract", "contract type", "type of contract", "type de contrat", "vertragsart", "contracttype",
                 "tipo di contratto", "rodzaj umowy", "合同类型", "合同"),
    "clearance": ("security clearance", "clearance", "habilitation de sécurité", "sicherheitsüberprüfung",
                  "security clearance required", "clearance required", "required clearance", "clearance level",
                  "security clearance level", "niveau d'habilitation"),
}
# The labels of boards in the other languages of NATO's nations (and of Sweden and Finland): Slovak, Slovenian,
# Croatian/Serbian/Montenegrin, Romanian, Bulgarian, Macedonian, Greek, Lithuanian, Latvian, Estonian, Finnish,
# Swedish, Danish, Icelandic, Albanian, Hungarian. Looking a label up costs the same however many there are. A label
# the table above already has keeps its fact there.
_MORE_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "title": (
        "título del trabajo", "título do trabalho", "titolo del lavoro", "titre de l'emploi",
        "pozícia", "názov pozície", "pracovná pozícia", "delovno mesto", "naziv delovnega mesta", "radno mjesto",
        "radno mesto", "naziv radnog mjesta", "naziv pozicije", "pozicija", "titlul postului", "denumirea postului",
        "poziție", "funcție", "длъжност", "позиция", "позиција", "наименование на длъжността", "работно место",
        "τίτλος θέσης", "θέση", "θέση εργασίας", "pareigos", "pareigybė", "amats", "amata nosaukums", "pozīcija",
        "ametikoht", "ametinimetus", "tehtävä", "tehtävänimike", "nimike", "tjänst", "befattning", "jobbtitel",
        "stillingsbetegnelse", "starfsheiti", "pozicioni", "titulli i punës", "titulli i pozicionit", "munkakör",
        "pozíció", "állás megnevezése",
    ),
    "reference": (
        "referenčné číslo", "číslo ponuky", "referenčna številka", "šifra", "referentni broj", "broj oglasa",
        "šifra oglasa", "număr de referință", "referință", "cod", "cod job", "референтен номер", "реф. номер",
        "номер на обявата", "референтен број", "κωδικός", "κωδικός αγγελίας", "αριθμός αναφοράς",
        "nuorodos numeris", "skelbimo numeris", "atsauces numurs", "vakances numurs", "viitenumber",
        "kuulutuse number", "viitenumero", "hakunumero", "referensnummer", "annons-id", "ref.nr", "referencenummer",
        "jobnummer", "tilvísunarnúmer", "numri i referencës", "kodi", "hivatkozási szám", "azonosító",
    ),
    "organisation": (
        "cuerpo de la otan", "organismo de la otan", "órgão da otan", "corpo da otan", "corpo nato", "organo nato",
        "zamestnávateľ", "spoločnosť", "organizácia", "delodajalec", "podjetje", "poslodavac", "tvrtka",
        "kompanija", "organizacija", "angajator", "companie", "organizație", "instituție", "работодател",
        "организация", "компания", "работодавач", "компанија", "организација", "εργοδότης", "εταιρεία",
        "οργανισμός", "darbdavys", "įmonė", "darba devējs", "uzņēmums", "organizācija", "tööandja", "ettevõte",
        "asutus", "organisatsioon", "työnantaja", "yritys", "organisaatio", "arbetsgivare", "företag",
        "arbejdsgiver", "virksomhed", "vinnuveitandi", "fyrirtæki", "punëdhënësi", "kompania", "organizata",
        "munkáltató", "cég",
    ),
    "location": (
        # a Taleo page that a browser translated: its "Primary Location", "NATO Body", "Schedule", "Grade"
        "ubicación principal", "localização principal", "localização primária", "posizione principale",
        "miesto práce", "miesto výkonu práce", "kraj dela", "lokacija", "mjesto rada", "mesto rada", "locație",
        "loc de muncă", "locul de muncă", "oraș", "местоположение", "място на работа", "локация", "локација",
        "место на работа", "τοποθεσία", "τόπος εργασίας", "περιοχή", "darbo vieta", "vieta", "miestas",
        "darba vieta", "atrašanās vieta", "asukoht", "töö asukoht", "sijainti", "työpaikan sijainti",
        "paikkakunta", "sijaintipaikka", "ort", "arbetsort", "placeringsort", "arbejdssted", "staðsetning",
        "starfsstöð", "vendndodhja", "vendi i punës", "munkavégzés helye", "munkahely",
    ),
    "grade": (
        "calificación", "classificação", "grau otan", "grado otan",
        "platová trieda", "plačni razred", "platni razred", "βαθμός", "palkkaluokka", "lönegrad", "lønramme",
        "grada", "besorolás",
    ),
    "salary": (
        "základná mzda", "mesačná mzda", "ponúkaná mzda", "plača", "osnovna plača", "mesečna plača", "plaća",
        "osnovna plaća", "mjesečna plaća", "plata", "osnovna plata", "salariu", "salariu de bază", "salariu lunar",
        "salariul lunar", "заплата", "основна заплата", "месечна заплата", "възнаграждение", "плата",
        "основна плата", "месечна плата", "μισθός", "βασικός μισθός", "μηνιαίος μισθός", "αποδοχές",
        "atlyginimas", "darbo užmokestis", "mėnesinis atlyginimas", "alga", "atalgojums", "mēnešalga", "pamatalga",
        "palk", "põhipalk", "kuupalk", "palkka", "peruspalkka", "kuukausipalkka", "lön", "månadslön", "grundlön",
        "løn", "månedsløn", "grundløn", "laun", "mánaðarlaun", "grunnlaun", "paga", "rroga", "paga bazë",
        "paga mujore", "alapbér", "bér", "základná zložka mzdy", "základná mzda (brutto)", "hrubá mzda",
    ),
    "schedule": (
        "cronograma", "horario de trabajo",
        "typ úväzku", "pracovný úväzok", "druh pracovného pomeru", "delovni čas", "vrsta zaposlitve",
        "radno vrijeme", "radno vreme", "vrsta zaposlenja", "normă", "вид заетост", "работно време", "тип заетост",
        "тип на вработување", "darbo laikas", "užimtumas", "darba laiks", "slodze", "tööaeg", "koormus", "työaika",
        "anställningens omfattning", "starfshlutfall", "orari", "orari i punës", "lloji i punësimit", "munkaidő",
        "foglalkoztatás jellege",
    ),
    "deadline": (
        "uzávierka", "termín uzávierky", "dátum uzávierky", "uzávierka prihlášok", "termín podania žiadostí",
        "rok za prijavo", "rok prijave", "rok za oddajo prijav", "prijave do", "rok za prijavu", "rok za prijave",
        "krajnji rok", "oglas traje do", "data limită", "termen limită", "data limită de aplicare",
        "valabil până la", "краен срок", "срок за кандидатстване", "краен срок за кандидатстване", "валидна до",
        "рок за аплицирање", "краен рок", "προθεσμία", "καταληκτική ημερομηνία", "προθεσμία υποβολής",
        "ημερομηνία λήξης", "paraiškų terminas", "paraiškų pateikimo terminas", "galioja iki",
        "skelbimas galioja iki", "pieteikšanās termiņš", "pieteikumu iesniegšanas termiņš", "termiņš",
        "kandideerimise tähtaeg", "tähtaeg", "hakuaika päättyy", "haku päättyy", "viimeinen hakupäivä",
        "sista ansökningsdag", "ansök senast", "ansøgningsfrist", "sidste ansøgningsfrist", "umsóknarfrestur",
        "afati", "afati i aplikimit", "afati i fundit", "data e mbylljes",
    ),
    "posts": (
        "počet voľných miest", "število prostih delovnih mest", "broj izvršitelja", "broj radnih mjesta",
        "număr de posturi", "брой позиции", "брой места", "αριθμός θέσεων", "laisvų vietų skaičius", "vakanču skaits",
        "antal tjänster", "antal platser", "numri i pozicioneve",
    ),
    # ("Διεύθυνση" is a Greek board's address as often as a directorate: not a label)
    "division": ("oddelenie", "odjel", "departament", "отдел", "osasto", "avdelning",
                 "afdeling", "részleg"),
    "contract": (
        "typ zmluvy", "druh zmluvy", "vrsta pogodbe", "vrsta ugovora", "tip contract", "tipul contractului",
        "вид договор", "тип договор", "тип на договор", "τύπος σύμβασης", "sutarties tipas", "līguma veids",
        "lepingu tüüp", "työsuhde", "työsuhteen kesto", "anställningsform", "ansættelsesform", "ráðningarform",
        "lloji i kontratës", "szerződés típusa",
    ),
}
_known = {label for labels in LABELS.values() for label in labels}
for _key, _labels in _MORE_LABELS.items():
    _new = tuple(label for label in _labels if label not in _known)
    LABELS[_key] += _new
    _known.update(_new)
# Labels in NATO's official languages, English and French, in which vacancy notices are written. When a posting gives
# a fact twice, under one of these and under a board's label in another language ("Τοποθεσία: Τάραντας, Ιταλία" above
# "Location: Taranto, Italy", "Arbeidsduur: Voltijds" above "Schedule: Full-time"), the posting's own wins.
OFFICIAL_LABELS: Final = frozenset({
    "location", "locations", "primary location", "duty location", "duty station", "place of work", "place of duty",
    "work location",
    "job location", "lieu", "lieu de travail", "localisation", "lieu d'affectation", "lieu principal",
    "emplacement principal", "lieu de travail principal",
    "schedule", "work schedule", "working time", "working hours", "job type", "employment type", "work pattern",
    "working pattern", "working schedule", "contract hours", "full/part time", "employment", "horaire",
    "temps de travail", "type d'emploi", "régime de travail", "temps de travail (horaire)",
    "salary", "basic salary", "monthly salary", "basic monthly salary", "monthly basic salary", "pay", "remuneration",
    "salary (pay basis)", "basic pay", "base salary", "basic monthly pay", "monthly pay", "salary (monthly)",
    "salaire", "salaire de base", "salaire mensuel", "salaire de base mensuel", "rémunération", "traitement",
    "salaire mensuel de base", "rémunération mensuelle", "traitement de base", "salaire (base de paie)",
    "traitement mensuel de base", "traitement mensuel",
    "application deadline", "deadline", "closing date", "closing date for applications", "apply by",
    "applications close", "deadline for applications", "application closing date", "closing", "date limite",
    "date limite de candidature", "date limite de dépôt des candidatures", "date de clôture",
    "clôture des candidatures", "date limite de dépôt",
    "title", "job title", "post title", "position title", "vacancy title", "intitulé du poste", "titre du poste",
    "grade", "nato grade", "grade otan", "grade (otan)",
    "organisation", "organization", "nato body", "employer", "hiring organisation", "hiring organization",
    "organisme", "organisation otan", "employeur",
})
# Reference labels that number a board's advert, not the vacancy: read only when no other reference label is there
# (a board's "Annons-id: 28716431" above the posting's "Reference: JALLC 27/05").
AD_NUMBER_LABELS: Final = frozenset({
    "annons-id", "finn-kode", "stillings-id", "ilan no", "ilan numarası", "ilan kodu", "číslo nabídky", "číslo ponuky",
    "numer ogłoszenia", "id annuncio", "codice annuncio", "riferimento annuncio", "rif. annuncio", "rif annuncio",
    "κωδικός αγγελίας", "κωδικός",
    "skelbimo numeris", "номер на обявата", "broj oglasa", "šifra oglasa", "kuulutuse number", "ilmoituksen numero",
    "vacature-id", "vacature id", "jobnummer", "cod job", "código de la oferta", "numéro de l'offre",
    "numéro de l’offre", "numer oferty", "nr oferty", "id oferty", "codice offerta", "finn-kode",
})
LABEL_TO_KEY: Final[dict[str, str]] = {label: key for key, labels in LABELS.items() for label in labels}
_DOTLESS: Final[dict[str, str]] = {" ".join(label.replace(".", " ").split()): key for label, key in LABEL_TO_KEY.items()}
# Labels with their spaces removed: a PDF glues "Closingdate", "basicsalary" as often as "ClosingDate".
_SPACELESS: Final[dict[str, str]] = {label.replace(" ", ""): key for label, key in LABEL_TO_KEY.items() if " " in label}
# Labels that only boards use; a one-line "label: value" with them is board chrome too.
BOARD_LABELS: Final = frozenset(
    {
        "nato body", "primary location", "schedule", "application deadline", "salary (pay basis)",
        "工作类型", "最后期限", "工作地点", "截止日期", "company", "job type", "employment type",
    }
)
# boards' own labels; postings are never CJK
_CJK: Final = rxcache.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HEADING_LIKE: Final = frozenset({"contract", "clearance", "division", "title", "posts", "salary", "location"})
_LABEL_PUNCT: Final = rxcache.compile(r"^[-•*·]\s*|\s*[:：]\s*$")
_INLINE: Final = rxcache.compile(r"^[-•*·]?\s*([^:：]{1,45}?)\s*[:：]\s*(.+)$")
_INLINE_BILINGUAL: Final = rxcache.compile(r"^[-•*·]?\s*([^:：/]{1,40} / [^:：/]{1,40}?)\s*[:：]\s*(.+)$")  # a label in two languages
# "Grundgehalt 7.210,55 EUR/Monat", "Closing date 15/02/2026": a label and a figure with no colon between them
_BARE: Final = rxcache.compile(r"^[-•*·]?\s*([^\d:：€$£]{3,40}?)\s+((?:EUR|USD|CAD|GBP|[€$£])?\s?\d.*)$")
# "Grade – G15", "Closing date - 15/02/2027": a dash in place of the colon
_DASHED: Final = rxcache.compile(r"^[•*·]?\s*([^:：–—]{1,45}?)\s+[–—-]\s+(\S.*)$")
_BARE_KEYS: Final = frozenset({"salary", "deadline"})


def _groups(m: re.Match[str] | None) -> tuple[str, str] | None:
    return (m.group(1), m.group(2)) if m else None


def inline_field(line: str) -> tuple[str, str] | None:
    """``_INLINE.match(line)``'s label and value ("Grade: G15" -> ("Grade", "G15")), or None. Worked out with string
    methods where that is plain: the label ends at the line's first colon (it holds none), after the bullet and the
    spaces before it; the rest after the colon's spaces is the value. (~5x faster than the pattern, which tries each
    length of the label in turn; the rare lines whose label or value would be only spaces, or that hold a line
    break, are left to it.)"""
    colon = line.find(":")
    wide = line.find("：")
    if colon < 0 or 0 <= wide < colon:
        colon = wide
    if colon < 0:
        return None
    label = line[1 if line[:1] in "-•*·" else 0 : colon].strip()
    value = line[colon + 1 :].lstrip()
    if "\n" in line or not label or not value:
        return _groups(_INLINE.match(line))
    return (label, value) if len(label) <= 45 else None


@dataclass(frozen=True)
class Field:
    """One labelled value: ``key`` is the fact it gives, ``lines`` the line indices it came from."""

    key: str
    label: str
    value: str
    line: int
    lines: tuple[int, ...]
    board: bool  # a board's field: its lines are left out of the body


_GLUED: Final = rxcache.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")
# (whether _GLUED is anywhere: the pair of letters it stands between, a class first, which a search skips to in C;
# the look-behind first had it tried at each character, ~3x slower)
_GLUED_PAIR: Final = rxcache.compile(r"[a-zà-ÿ][A-Z]")
_NATO_WORDS: Final = ("nato", "otan", "navo", "北约")  # (Dutch "NAVO-rang")
_NATO_END_WORDS: Final = ("nato", "otan", "navo")


def _paren_start(label: str) -> int:
    """Where a "(...)" ending ``label`` (spaces after it) starts, or -1: what ``[(（][^()（）]*[)）]\\s*$`` searched. Its
    bracket can only close at the last character that is not a space, and open at the last opening bracket before
    that. (String methods: the search cost ~4,500 instructions a label.)"""
    end = len(label.rstrip())
    if not end or label[end - 1] not in ")）":
        return -1
    start = max(label.rfind("(", 0, end - 1), label.rfind("（", 0, end - 1))
    if start < 0 or ")" in label[start + 1 : end - 1] or "）" in label[start + 1 : end - 1]:
        return -1
    return start


def _without_nato_word(label: str) -> str:
    """``label`` without a "nato" (or "otan", "navo", "北约") starting it, with the "-" or space after it, and without
    a "nato", "otan" or "navo" ending it after a "-" or a space. (String methods: a substitution tried both at
    each character, ~11,000 instructions a label.)"""
    start = 0
    for word in _NATO_WORDS:
        if label.startswith(word):
            start = len(word) + (label[len(word) : len(word) + 1] in ("-", " "))
            break
    end = len(label) - label.endswith("\n")  # (as "$": the end, or before a last "\n")
    if end - start >= 5 and label[end - 5] in "- " and label[end - 4 : end] in _NATO_END_WORDS:
        return label[start : end - 5] + label[end:]
    return label[start:]


# Letters an OCR of a scanned notice reads as others inside a word: "I" for "l" ("CIosing"), "1" for "l" ("month1y"),
# "0" for "o" ("SUPP0RT"): one of the three after a letter, then a lowercase letter after "I", any letter after a digit
# (written to start with the three: a search then skips to them, ~3x faster than a test at each character)
_OCR_SLIP: Final = rxcache.compile(r"[I01](?<=[A-Za-z].)(?:(?<=I)(?=[a-z])|(?<=[01])(?=[A-Za-z]))")
_OCR_LETTER: Final = {"I": "l", "1": "l", "0": "o"}


def label_key(line: str) -> str | None:
    """The fact key of a line that is only a label ("Application Deadline", "Grade:", "Gehalt (Grundlage)"),
    else None. A label not known as written is tried without its "(...)" and without "NATO"."""
    if len(line) > 60:
        return None
    return _short_label_key(line)


def bilingual_key(label: str) -> str | None:
    """The key of a label with a value, written in the board's language then in English, whose first side is a word
    not known here: "Dienstposten / Post title", "Sicherheitsbescheid / Clearance" (alone on a line, a label needs
    both sides known: "Oferujemy / Contract" is a section's heading)."""
    local, slash, english = label.strip().partition(" / ")
    return label_key(english) if slash and local.replace(" ", "").isalpha() else None


@lru_cache(maxsize=2048)
def _short_label_key(line: str) -> str | None:
    """``label_key`` of a line of at most 60 characters (cached: the same labels and short lines come back in every
    posting of a board, and each line is asked about several times)."""
    label = line.strip()
    if label[:1] in "-•*·":
        label = label[1:].lstrip()
    elif label[1:3] in (". ", ") ") and label[:1].isalnum() and label[3:4].isupper():
        label = label[3:]  # "b. Salary": a lettered or numbered item's label
    label = label.rstrip(":： \t")
    if ":" in label or "：" in label:
        # "Reference: 300962": a label with its value (no label holds a colon, and no step below takes one out; a test
        # checks the tables): none of the steps below, which cost ~10K instructions a line, can find it
        return None
    lowered = label.lower()
    key = LABEL_TO_KEY.get(lowered)
    if key is None and "’" in label:  # "Numéro d’avis de vacance": the labels are written with "'"
        key = LABEL_TO_KEY.get(lowered.replace("’", "'"))
    if key is None and "İ" in label:  # Turkish "İlan No": str.lower gives "i" and a combining dot
        key = LABEL_TO_KEY.get(lowered.replace("i\u0307", "i"))
    if key is None and " " not in label and _GLUED_PAIR.search(label):  # "ClosingDate", "BasicSalary": glued by a PDF
        key = LABEL_TO_KEY.get(_GLUED.sub(" ", label).lower())
    if key is None and label.count(" ") <= 2:  # "Closingdate", "basicsalary", "Basic monthlysalary": glued, in part
        key = _SPACELESS.get(lowered.replace(" ", "") if " " in label else lowered)  # or whole
    label = lowered
    if key is None and label:
        bare = label  # (each pattern is only tried on labels holding its literal: most lines have neither)
        if ")" in bare or "）" in bare:
            paren = _paren_start(bare)
            if paren >= 0:
                bare = bare[:paren].rstrip()
        if "nato" in bare or "otan" in bare or "navo" in bare or "北约" in bare:
            bare = _without_nato_word(bare)
        bare = bare.strip()
        if bare != label:
            key = LABEL_TO_KEY.get(bare)
    if key is None and "." in label:  # "Ref. No", "Nr. ref.", "Rif": abbreviations with or without their dots
        key = _DOTLESS.get(" ".join(label.replace(".", " ").split()))
    if key is None and "/" in label and (" / " in label or label.replace("/", "").replace(" ", "").isalpha()):
        # "Numer referencyjny / Reference", "Divisie / Division", "Sede di lavoro / Duty location": a label in the
        # board's language and in English: each side a label of the same fact ("Directorate/Division": two names of it;
        # not a date's "15/02/2027" or an address)
        keys = {_short_label_key(part.strip()) for part in label.split("/")}
        if len(keys) == 1:
            return keys.pop()
    if key is None and "0" <= label[-1:] <= "9" and label[-2:-1].isalpha():  # "Closing Date1", "Salary3": a footnote's mark
        return _short_label_key(label.rstrip("0123456789"))
    if key is None and ("I" in line or "1" in line or "0" in line) and _OCR_SLIP.search(line):
        # "CIosing date", "Basic month1y salary": a scan's OCR
        return _short_label_key(_OCR_SLIP.sub(lambda m: _OCR_LETTER[m.group()], line))
    return key


_AMOUNT_FIRST: Final = frozenset("0123456789€$£EUCGNDP")  # (a figure, a currency's sign or code: "EUR", "USD", "GBP", ...)


def _next_inner_label(value: str) -> re.Match[str] | None:
    """The first label of a field inside ``value`` ("... Salary: $7,412.90"), or None."""
    inner = _INNER_LABEL.search(value) if ":" in value else None
    while inner is not None and label_key(inner.group(1)) is None:
        # (the next word on: "Mons Belgium Schedule:" is no label, "Schedule:" is)
        inner = _INNER_LABEL.search(value, value.find(" ", inner.start()) + 1) if " " in inner.group(1) else (
            _INNER_LABEL.search(value, inner.end()))
    return inner


def _next_value(lines: list[str], start: int) -> int | None:
    for j in range(start, min(start + 3, len(lines))):
        if lines[j]:
            return j
    return None


def _wrapped_cell(lines: list[str], j: int) -> int:
    """The last line of the value at ``j`` of a label on its own line: a table a PDF's text gives a cell a line, its
    cells wrapped ("Post Title" / "Capability Requirements" / "Analyst (Multi-Domain" / "Operations)" / "Vacancy
    Number"; "Directorate" / "Capability Development" / "(CAPDEV)" / "Location"): the lines up to the next label on its
    own, when a bracket opened on one line closes on another, or a line is a short form in brackets. ``j`` when the
    value is one line. (Other wrapped lines, "Senior Technician, Mission" / "System Software Support", cannot be told
    from a label this module does not know and its value: "Experience level" / "Senior (5-10 years)".)"""
    for end in (j + 1, j + 2):
        if end + 1 >= len(lines) or not 0 < len(lines[end]) <= 40 or label_key(lines[end]) is not None:
            return j
        below = lines[end + 1]
        if below and len(below) <= 40 and ":" not in below and label_key(below) is not None:
            joined = " ".join(lines[j : end + 1])
            if joined.count("(") != joined.count(")"):
                return j
            opened = 0
            for line in lines[j:end]:
                opened += line.count("(") - line.count(")")
                if opened > 0:
                    return end  # ("Analyst (Multi-Domain" / "Operations)")
            short = any(line[0] == "(" and line[-1] == ")" and line.count("(") == 1 for line in lines[j + 1 : end + 1])
            return end if short else j
    return j


# A page's buttons, never a value: "Post" / "Back"
_UI_WORDS: Final = frozenset(("back", "home", "menu", "close", "share", "save", "apply", "search", "next", "previous", "more",
                       "edit", "reply", "cancel", "submit", "print", "login", "log in", "sign in", "retour", "zurück",
                       "terug", "indietro", "wstecz"))


def find_fields(lines: list[str]) -> list[Field]:
    """Every labelled field in ``lines``, in order."""
    fields: list[Field] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if not line or i in used:
            continue
        key = label_key(line)
        if key in _HEADING_LIKE and (line.isupper() or line[0] in "-•*·"):
            key = None  # "- CONTRACT" is a section heading, not a field
        if key is not None and line[-1] == "." and (line[0].islower() or (len(line) >= 6 and line[:-1].isalpha())):
            key = None  # "clearance.", "Branch.": the end of a sentence a PDF wrapped, not a label ("Ref." is one)
        if key is not None and line[1:3] in (". ", ") ") and line[:1].isalnum():
            key = None  # "d. Security Clearance.": a lettered heading of the posting, its text below it
        if key is not None:
            j = _next_value(lines, i + 1)
            if j is None or label_key(lines[j]) is not None or _NUMBERED_HEADING.match(lines[j]):
                continue  # ("8. RECRUITMENT PROCESS" is the next section, no value)
            if ":" in lines[j][:48] and (inline := inline_field(lines[j])) and label_key(inline[0]) is not None:
                continue  # "Vacancy" / "Reference: NETMA 27/05": a heading over the fields, each with its label
            value = lines[j].lstrip(":： ").strip()
            if line[0] in "-•*·" and lines[j][:1] in "-•*·" and line[-1] not in ":：":
                continue  # "- Organisation" / "- Member Nations": items of a site's menu or of a list, no label
            if key == "salary" and parse_salary(value)[0] is None:
                continue  # "Remuneration" / "NATO basic monthly salaries (Italy, 2027):": a heading and its text
            if key == "salary" and FIGURE_ONLY.match(value) and j + 1 < len(lines) and FIGURE_ONLY.match(lines[j + 1]):
                continue  # "Basic salary" / "52,611.08" / "59,113.80" / ...: a table's column of grades' salaries
            if key == "title" and value.lower() in _UI_WORDS:
                continue  # a social site's "Post" heading and its "Back" button under it
            if key == "schedule" and normalise_schedule(value) not in SCHEDULE_NAMES:
                continue  # a search page's "Job type" filter, and the next result's title under it
            if key == "location" and value.count(" ") >= 10:
                continue  # a search box's "Location" label, and the board's tagline under it
            taken: tuple[int, ...] = (i, j)
            if (end := _wrapped_cell(lines, j)) > j:
                value, taken = " ".join([value, *lines[j + 1 : end + 1]]), tuple(range(i, end + 1))
                used.update(taken)
            elif key == "deadline" and not _YEAR.search(value) and (k := _next_value(lines, j + 1)) is not None and (
                len(lines[k]) <= 40 and _YEAR.search(lines[k]) and label_key(lines[k]) is None
            ):  # "Closing date" / "23:59 hrs Rome time," / "29 January 2027": its time and its date set apart
                value, taken = f"{value} {lines[k]}", (i, j, k)
                used.add(k)
            if value and len(value) <= 200:
                label = _LABEL_PUNCT.sub("", line).strip()
                # "Contract" / "The successful candidate will be offered ...": a section heading and its text, which
                # stay in the body, not a board's label and value
                # (a sentence a PDF wrapped before its end is one too: "... a definite duration contract of 3 years, which may be")
                board = not (key in _HEADING_LIKE and len(value.split()) >= 8)
                fields.append(Field(key, label, value, i, taken, board))
                used.add(j)
            continue
        pair = (inline_field(line) if (":" in line[:48] or "：" in line[:48]) else None) or (
            _groups(_INLINE_BILINGUAL.match(line)) if " / " in line[:40] and ":" in line[40:72] else None
        )  # ("Traitement mensuel de base / Basic monthly salary:", "Basic monthly salary / Salaire mensuel de base :
        # ...": a label in two languages, long)
        if pair:
            label = pair[0].strip()
            key = label_key(label) or (bilingual_key(label) if " / " in label else None)
            if key is None and (heading := _HEADING_BEFORE_LABEL.match(label)) and label_key(heading.group(2)):
                # "VACANCY NOTICE Vacancy No.: NCIA 27/018": a heading in capitals a PDF set on the label's line
                label = heading.group(2)
                key = label_key(label)
            if key is not None and pair[1].strip() and (" | " in pair[1] or " · " in pair[1]) and (
                cells := _labelled_cells(line)
            ):
                fields.extend(Field(k, lab, val, i, (i,), False) for k, lab, val in cells)
                continue  # "Reference: 270312 | NATO Grade: G18 | Full-time": a row of labelled cells
            if key is not None and pair[1].strip():
                board = label.lower() in BOARD_LABELS or bool(_CJK.search(label))
                value = pair[1].strip()
                if " / " in value and key != "grade" and value.count(" / ") == label.count(" / ") == 1 and all(
                    side.count("(") == side.count(")") for side in value.split(" / ")
                ):  # "Location / Lieu: Rome, Italy / Rome, Italie": the value in the language of the label's side that
                    # is an English label ("G15 / G16" is a twin grade; "12:00 (ora italiana / Italian time)" one value)
                    sides = label.split(" / ")
                    english = next((k for k, side in enumerate(sides) if side.isascii() and label_key(side)), 0)
                    value = value.split(" / ")[english].strip()
                inner = _next_inner_label(value)
                while inner is not None and inner.start() > 0:
                    # "Grade: NATO Grade G15 Salary: $7,412.90 per month": two fields (or more) of a table row whose
                    # cells a copy joined (the label of each next one is a field's label too)
                    fields.append(Field(key, label, value[: inner.start()].strip(), i, (i,), board))
                    label, value = inner.group(1), value[inner.end() :].strip()
                    key = label_key(label) or key  # (a label _next_inner_label found: a field's)
                    inner = _next_inner_label(value)
                if not value:
                    continue
                if key == "deadline" and i + 1 < len(lines) and _YEAR_FIRST.match(lines[i + 1]) and not _YEAR.search(value):
                    # "Closing date: 5 April" / "2027, 23:59 Stavanger local" / "time": a date wrapped before its year
                    # (a note's soft line breaks, a narrow column), and a short lowercase rest of the line after it
                    j = i + 1
                    value = f"{value} {lines[j]}"
                    while j + 1 < len(lines) and _WRAPPED_REST.match(lines[j + 1]):
                        j += 1
                        value = f"{value} {lines[j]}"
                    used.update(range(i + 1, j + 1))
                    fields.append(Field(key, label, value, i, tuple(range(i, j + 1)), board))
                    continue
                if key == "salary" and value.endswith((" is", " is:", " are", " are:")) and (
                    k := _next_value(lines, i + 1)
                ) is not None and lines[k][:1] in _AMOUNT_FIRST and parse_salary(value)[0] is None:
                    # "Remuneration: the annual basic salary for grade A-2, step 1, is" / "EUR 85,233.36 (payable ...)":
                    # a sentence that sets its figure on a line of its own
                    used.add(k)
                    fields.append(Field(key, label, f"{value} {lines[k]}", i, (i, k), board))
                    continue
                if i + 1 < len(lines) and lines[i + 1][:1] == "(" and (short := _SHORT_FORM_BEFORE.match(lines[i + 1])):
                    # "Division: Capability Development Directorate" / "(CAPDEV) Security Clearance: ...": two columns'
                    # lines joined by a PDF, the value's short form wrapped to the head of the next field's line
                    value = f"{value} {short.group(1)}"
                fields.append(Field(key, label, value, i, (i,), board))  # type: ignore[arg-type]
                continue
        # (a pair whose label is no field's may be a long label: "Basic monthly salary (12 x per year),tax free: ...")
        lm = _LONG_LABEL.match(line) if (pair is None or key is None) and ":" in line[45:130] and len(line) <= 400 and (
            "(" in line[:44] or "," in line[:44]) else None  # (the remark starts within the label's 40 characters)
        key = label_key(lm.group(1)) if lm else None
        if lm and key in _LONG_LABEL_KEYS and _LONG_LABEL_KEYS[key](lm.group(2)):
            # "Basic monthly salary (12 times a year), exempt from national income tax: EUR 7,014.56.": a label, then
            # what it says of the value, then the value (only for facts whose value can be checked)
            fields.append(Field(key, lm.group(1).strip(), lm.group(2).strip().rstrip("."), i, (i,), False))
            continue
        if (" · " in line or " | " in line) and (":" in line or "：" in line):
            # a badge row of labelled cells: "CDD · Bruxelles · Salaire : 6 912,03 € / mois", "Norfolk, Virginia |
            # Position number: SACT 27/219"
            matched = [inline_field(cell) for cell in CELL_SPLIT.split(line)]
            keyed = [(label_key(c[0].strip()), c) for c in matched if c]
            badges = [(key, c) for key, c in keyed if key is not None and c[1].strip()]
            for key, c in badges:
                fields.append(Field(key, c[0].strip(), c[1].strip(), i, (i,), False))
            if badges:
                continue
        m = _DASHED.match(line) if (" – " in line[:50] or " - " in line[:50] or " — " in line[:50]) else None
        key = label_key(m.group(1)) if m else None
        if m and key is not None and not (key in _HEADING_LIKE and m.group(1).isupper()):
            fields.append(Field(key, m.group(1).strip(), m.group(2).strip(), i, (i,), False))
            continue
        m = _BARE.match(line) if len(line) <= 200 and not line[:1].isdigit() and _may_be_bare(line) else None
        key = label_key(m.group(1)) if m else None
        if m and key in _BARE_KEYS and _bare_value_fits(key, m.group(2)):
            fields.append(Field(key, m.group(1).strip(), m.group(2).strip(), i, (i,), False))
            continue
        m = _TALEO_ROW.match(line) if line[:1] in "NPSCA" and len(line) <= 120 else None
        if m and (m.group(1) != "Schedule" or normalise_schedule(m.group(2)) in SCHEDULE_NAMES):
            # Taleo's fact table as a PDF's text gives it, a row's label and value parted by one space:
            # "NATO Body Joint Force Command Norfolk (JFCNF)", "Primary Location United States-Norfolk, VA"
            fields.append(Field(label_key(m.group(1)), m.group(1), m.group(2).strip(), i, (i,), True))  # type: ignore[arg-type]
    return fields


# (or glued, as a copy of the page gives it: "NATO BodyHeadquarters Supreme ...", "Application Deadline21-Feb-2027")
_TALEO_ROW: Final = rxcache.compile(r"(NATO Body|Primary Location|Schedule|Contract Type|Application Deadline)"
                               r"(?: (?![:：])|(?=[A-Z0-9]))(\S.*)$")


def _labelled_cells(line: str) -> list[tuple[str, str, str]]:
    """(key, label, value) of each labelled cell of a row split at " | " or " · ", when two or more cells are fields."""
    found = []
    for cell in CELL_SPLIT.split(line):
        m = inline_field(cell)
        key = label_key(m[0].strip()) if m else None
        if m and key is not None and m[1].strip():
            found.append((key, m[0].strip(), m[1].strip()))
    return found if len(found) >= 2 else []


SCHEDULE_NAMES: Final = ("Full-time", "Part-time")
_DIGIT: Final = rxcache.compile(r"\d")
# A label, a remark on it in brackets or after a comma, then the value after the colon
_LONG_LABEL: Final = rxcache.compile(r"^[-•*·]?\s*([^:：(,]{3,40}?)\s*[(,][^:：]{0,90}[:：]\s*(\S.{0,340})$")
_LONG_LABEL_KEYS: Final[dict[str, Callable[[str], bool]]] = {
    "salary": lambda value: parse_salary(value)[0] is not None,  # type: ignore[has-type]
    "grade": lambda value: parse_grade(value) is not None,
    "deadline": lambda value: bool(_DIGIT.search(value)) and len(value) <= 60,
}
_YEAR: Final = rxcache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_FIRST: Final = rxcache.compile(r"(?:19|20)\d\d\b(?![./-]\d)")
# "time": the short lowercase rest of a wrapped line
_WRAPPED_REST: Final = rxcache.compile(r"[a-z]\w*(?: \w+){0,2}\.?$")
_NUMBERED_HEADING: Final = rxcache.compile(r"^\d{1,2}[.)]\s+[A-Z][A-Z &/,'’-]+$")  # "8. RECRUITMENT PROCESS"
CELL_SPLIT: Final = rxcache.compile(r" [·|] ")
# A label inside a field's value: " Salary: " in "NATO Grade G15 Salary: $7,412.90 per month"
_HEADING_BEFORE_LABEL: Final = rxcache.compile(r"([A-Z][A-Z ]{3,40}?) ([A-Z][a-z][\w .]{1,30})$")
_SHORT_FORM_BEFORE: Final = rxcache.compile(r"(\([A-Z][A-Za-z&]{1,11}\)) (?=[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}:)")
# ("Grade:A.2 Location:Capellen, Luxembourg": a PDF's text may have lost the space after the colon)
# (its words after the first in any case: "Post Number:", "NATO Grade:")
_INNER_LABEL: Final = rxcache.compile(
    r"(?<= )([A-Z][A-Za-z]+(?: [A-Za-z]+){0,2}(?: \([A-Za-z ]{1,20}\))?):(?:\s|(?=[A-Z]))"
)
# A figure alone on its line, a table's cell: "52,611.08", "€ 4 118,32", "EUR 7,988.16"
FIGURE_ONLY: Final = rxcache.compile(r"(?:[A-Z]{3}|[€$£])?\s?\d[\d.,  ]*(?:\s?(?:[A-Z]{3}|[€$£]))?$")
# (\d in an ASCII text; its search costs ~2/3 of the Unicode category's)
ASCII_DIGIT: Final = rxcache.compile(r"[0-9]")


def _may_be_bare(line: str) -> bool:
    """False when ``_BARE`` cannot match ``line``: its figure is the line's first digit and no colon comes before
    it. (A quick test: ``_BARE`` backtracks over every split of the first 40 characters before it fails.)"""
    if line.isascii():
        # (in a line of single spaces, within the first 48 characters: a bullet and its space, a label of at most
        # 40, a space, a currency's code and a space)
        end = 48 if "  " not in line and line.isprintable() and not line[:1].isspace() else len(line)
        digit = ASCII_DIGIT.search(line, 0, end)
    else:
        digit = _DIGIT.search(line)
    return digit is not None and ":" not in line[: digit.start()] and "：" not in line[: digit.start()]


def _bare_value_fits(key: str, value: str) -> bool:
    """A colon-less field's value is only a figure: a salary names its currency, a deadline is short
    and no sentence ("Salary 2026 reviews happen ..." is prose, not a field)."""
    if key == "salary":
        return any(pattern.search(value) for _, pattern, _ in _CURRENCIES) or bool(_OTHER_CURRENCY.search(value))
    return len(value) <= 60 and not value.endswith(".")


# ---- value normalisers -------------------------------------------------------------

from natosite.importer.places import (  # noqa: E402  (re-exported: places were part of this module)
    COUNTRIES,
    DUTY_STATIONS,
    country_name,
    english_city,
    looks_like_location,
    normalise_location,
)

__all__ = [
    "COUNTRIES", "DUTY_STATIONS", "EURO_COUNTRIES", "Field", "LABELS", "country_name", "english_city", "find_fields",
    "label_key", "looks_like_location", "normalise_location", "normalise_schedule", "parse_amount", "parse_salary",
    "posts_of_line", "schedule_of_line", "schedule_of_value",
]


_FULL_WORDS: Final = (r"full[- ]?time|temps plein|à temps plein|temps complet|vollzeit|voltijds?|fulltime|tempo pieno"
               r"|a tempo pieno|tiempo completo|a tiempo completo|jornada completa|tempo integral|tempo inteiro"
               r"|pełny etat|pełen etat|pełny wymiar(?: czasu pracy)?|全职|全日制"
               r"|heltid|tam zamanl[ıi]|plný úvazek|práce na plný úvazek")
_PART_WORDS: Final = (r"part[- ]?time|temps partiel|à temps partiel|teilzeit|deeltijds?|parttime|tempo parziale"
               r"|a tempo parziale|tiempo parcial|a tiempo parcial|media jornada|jornada parcial|tempo parcial"
               r"|niepełny etat|niepełny wymiar(?: czasu pracy)?|兼职"
               r"|deltid|yar[ıi] zamanl[ıi]|částečný úvazek|zkrácený úvazek|práce na částečný úvazek"
               r"|práce na zkrácený úvazek")  # (phrases that start with a letter: see patterns.by_first_letter)
# Values of a schedule field only (a label says what they are): Danish, Greek, Romanian, Hungarian, Finnish,
# Bulgarian boards. (Not in SCHEDULE_WORD and SCHEDULE_HINT, which search free text: each first letter more slows
# every search; the Finnish and Bulgarian words there cost ~1.4% of an import's instructions.)
_FULL_FIELD: Final = (r"|fuldtid|πλήρης απασχόληση|normă întreagă|teljes munkaidő|kokoaikainen|kokoaikatyö"
               r"|пълно работно време|voltijds|(?:na )?plný úväzok|plný úvazok|pilnas etatas|pilnu etatu"
               r"|puno radno vrijeme|puno radno vreme|polni delovni čas|pilna slodze|täistööaeg|täiskohaga|fullt starf"
               r"|(?:me )?kohë të plotë|полно работно време|heltidsanställning|heltidsstilling|fuld tid"
               r"|completa|integral|intensiva"  # (a Spanish board's "Jornada: Completa")
               r"|pilnas darbo laikas|visas darbo laikas"  # (a Lithuanian board's "Darbo laikas: pilnas darbo laikas")
               r"|دوام كامل"  # (an Arabic board's, Bayt's "نوع التوظيف: دوام كامل")
               r"|フルタイム|常勤")  # (a Japanese board's "雇用形態：契約社員（フルタイム）")
_PART_FIELD: Final = (r"|μερική απασχόληση|részmunkaidő|osa-aikainen|osa-aikatyö|непълно работно време|deeltijds"
               r"|čiastočný úväzok|nepilnas etatas|nepuno radno vrijeme|nepuno radno vreme|krajši delovni čas"
               r"|nepilna slodze|osaline tööaeg|nepilnas darbo laikas|hlutastarf|(?:me )?kohë të pjesshme|скратено работно време|parcial"
               r"|دوام جزئي|パートタイム|非常勤")
# (searched only in a badge row: "Stavanger, Noregur · Fullt starf · Á staðnum")
_FIELD_WORD: Final = rxcache.compile(rf"(?<![\w-])(?:{_FULL_FIELD[1:]}|{_PART_FIELD[1:]})(?![\w-])", re.I)
_SCHEDULES: Final = {
    "Full-time": re.compile(rf"^(?:{_FULL_WORDS}{_FULL_FIELD})$", re.I),
    "Part-time": re.compile(rf"^(?:{_PART_WORDS}{_PART_FIELD})$", re.I),
}
SCHEDULE_WORD: Final = rxcache.compile(rf"(?<![\w-])(?:(?P<full>{_FULL_WORDS})|(?P<part>{_PART_WORDS}))(?![\w-])", re.I)
# Whether a text names a schedule at all: the texts SCHEDULE_WORD finds, with the words grouped by first letter
# (``patterns.by_first_letter``), which makes a search of a header 2x faster.
SCHEDULE_HINT: Final = rxcache.compile(
    rf"(?<![\w-])(?:{by_first_letter(alternatives(_FULL_WORDS) + alternatives(_PART_WORDS))})(?![\w-])", re.I
)
_SCHEDULE_HINT_CASELESS: Final = Caseless(SCHEDULE_HINT)  # (each of a header's lines asks)
# What separates the items of a board's badge line: "On-site · Full-time", "Vollzeit · Befristet", "Full-time, 1 post"
_ITEM_SPLIT: Final = rxcache.compile(r"\s*(?:[·•|,;/–—]|\s-\s|[()])\s*")


def normalise_schedule(value: str) -> str:
    """ "Full time", "Temps plein – 1 poste", "tempo pieno (Full-time)", "全职" -> "Full-time"; else as written."""
    value = value.strip().rstrip(".")
    share = _SHARE.match(value)
    if share:  # a Swiss board's "Pensum: 100%" (a full week), "60%" (part of one); "80 – 100%" says neither
        return "Full-time" if share.group(1) == "100" else "Part-time"
    for name, pattern in _SCHEDULES.items():
        if pattern.match(value):
            return name
    found = {("Full-time" if m.group("full") else "Part-time") for m in SCHEDULE_WORD.finditer(value)}
    if not found and ("," in value or " · " in value or "（" in value):
        # "Teljes munkaidő, határozott idejű": the schedule, then the contract, in one field ("契約社員（フルタイム）": the
        # contract, the schedule in brackets)
        found = {name for part in _VALUE_PARTS.split(value) for name, pattern in _SCHEDULES.items() if pattern.match(part)}
    return found.pop() if len(found) == 1 else value


_VALUE_PARTS: Final = rxcache.compile(r"\s*(?:,|·|（|）)\s*")


_SHARE: Final = rxcache.compile(r"^(100|[1-9]\d)\s?%$")


def schedule_of_line(line: str) -> str | None:
    """ "Full-time" / "Part-time" when a short header line lists it as one of its items
    ("On-site · Full-time", "Contratto: tempo determinato · Tempo pieno", "Full-time, 1 post"); else None.
    A sentence ("This full-time post ...") is never read: an item must be the schedule word alone."""
    if len(line) > 100 or line.endswith((".", ";")):
        return None
    if not _SCHEDULE_HINT_CASELESS.search(line) and not (" · " in line and _FIELD_WORD.search(line)):
        return None  # (a badge row's item may be a word only a schedule field's value has: "Fullt starf", "Fuldtid")
    if line[:2] in ("- ", "• ", "* ", "· "):
        line = line[2:]  # a board's badges as a list: "- Den Haag", "- Voltijds"
    label, colon, rest = line.partition(":")
    return schedule_of_value(rest if colon and len(label) <= 40 else line)


def schedule_of_value(value: str) -> str | None:
    """ "Full-time" / "Part-time" when one of a field value's items is a schedule, in any of the languages a schedule
    field's value is written in ("Fuldtid, tidsbegrænset"); else None."""
    if len(value) > 100:
        return None
    found = {name for item in _ITEM_SPLIT.split(value) for name, pattern in _SCHEDULES.items() if pattern.match(item.strip())}
    return found.pop() if len(found) == 1 else None


_POST_NOUNS: Final = (r"(?:posts?|positions?|vacancies|openings?|postes?|Stellen?|Posten|functies?|posities?|vacatures?"
               r"|posti|posto|posizion[ei]|stanowisk[ao]?|etat(?:y|ów)?)")
_POSTS_ITEM: Final = rxcache.compile(r"^(\d{1,2})\s*" + _POST_NOUNS + "$", re.I)
# A count and its noun anywhere: one scan of a header decides whether any line is worth reading.
POSTS_HINT: Final = rxcache.compile(r"\d\s*" + _POST_NOUNS + r"\b", re.I)


# (and an employer's count of its jobs on a board: "Featured employer: European Investment Bank – 14 vacancies")
_RESULTS_WORDS: Final = ("result", "ergebnis", "risultat", "wynik", "treffer", "gevonden", "found", "employer")


def posts_of_line(line: str) -> int | None:
    """The post count a short header line lists as one of its items ("Full-time, 2 posts", "Vollzeit · 3 Stellen",
    "Temps plein – 2 postes"); else None."""
    if len(line) > 100 or line.endswith((".", ";")) or not POSTS_HINT.search(line):
        return None
    low = line.lower()
    if any(word in low for word in _RESULTS_WORDS):
        return None  # "< Terug naar zoekresultaten (23 vacatures)": a search's count, a board's link back to it, or an
        # employer's
    for item in _ITEM_SPLIT.split(line):
        m = _POSTS_ITEM.match(item.strip())
        if m:
            return int(m.group(1)) or None
    return None


_AMOUNT: Final = rxcache.compile(r"(?<![\d.,])(\d{1,3}(?:(?:[,.'’ \u202f])\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d])")
# Each currency's code, its pattern, and the words (lowercased) a value it finds holds: a test of those comes before
# the search
_CURRENCIES: Final = (
    ("EUR", re.compile(r"(?<![A-Za-z])EUR(?![A-Za-z])|€|(?<![A-Za-z])euros?\b", re.I), ("eur", "€")),
    ("CAD", re.compile(r"(?<![A-Za-z])CAD(?![A-Za-z])|C\$"), ("cad", "c$")),
    ("USD", re.compile(r"(?<![A-Za-z])USD(?![A-Za-z])|US\$|\$|\bdollars?\b", re.I), ("usd", "$", "dollar")),
    ("GBP", re.compile(r"(?<![A-Za-z])GBP(?![A-Za-z])|£|\bpounds?\b", re.I), ("gbp", "£", "pound")),
    ("PLN", re.compile(r"(?<![A-Za-z])PLN(?![A-Za-z])|zł|złotych", re.I), ("pln", "zł")),
    ("NOK", re.compile(r"(?<![A-Za-z])NOK(?![A-Za-z])"), ("nok",)),
    ("DKK", re.compile(r"(?<![A-Za-z])DKK(?![A-Za-z])"), ("dkk",)),
    ("CHF", re.compile(r"(?<![A-Za-z])CHF(?![A-Za-z])"), ("chf",)),
    ("TRY", re.compile(r"(?<![A-Za-z])TRY(?![A-Za-z])"), ("try",)),
)
# Rarer currencies, in one pattern (each pattern of _CURRENCIES is tried on a value that names none of them)
_OTHER_CURRENCY: Final = rxcache.compile(
    r"(?<![A-Za-z])(HUF|Ft|CZK|SEK|RON|BGN|ISK|UAH|MDL|GEL|MKD|RSD|BAM|KWD|AED|QAR|SAR)(?![A-Za-z])|(Kč|₴|₾)"
    r"|\b([Ff]orint)s?\b|(?<![^\W\d_])(грн)(?![^\W\d_])"
)
_OTHER_CODES: Final = {"Ft": "HUF", "Kč": "CZK", "Forint": "HUF", "forint": "HUF", "₴": "UAH", "грн": "UAH",
                       "₾": "GEL"}


def currency_of(value: str) -> str | None:
    """The currency code a salary value names ("EUR", "€", "HUF", "Kč" -> "CZK"), else None."""
    # (the first one named: "NOK 71 906,42 (tax-free; approx. EUR 6 100)" is in NOK)
    # (each pattern is tried only on a value holding one of its words: ~10x fewer instructions than the searches)
    low = value.lower() if "ſ" not in value else ""  # (IGNORECASE takes "ſ" for "s": then every pattern is tried)
    named = [(m.start(), k) for k, (code, pattern, words) in enumerate(_CURRENCIES)
             if (not low or any(word in low for word in words)) and (m := pattern.search(value))]
    code = _CURRENCIES[min(named)[1]][0] if named else None
    if code is None:
        m = _OTHER_CURRENCY.search(value)
        if m:
            name = m.group(m.lastindex or 0)
            code = _OTHER_CODES.get(name, name)
    return code
# "71 420 kr": a krone or krona, told apart by the duty station's country
KRONE: Final = rxcache.compile(r"(?<![A-Za-z])kr\.?(?![A-Za-z])|\bkron(?:er|or|ur|a|e)\b", re.I)
KRONE_OF_COUNTRY: Final = {"Norway": "NOK", "Denmark": "DKK", "Sweden": "SEK", "Iceland": "ISK"}
# Currencies whose unit is small: a monthly salary in them runs to millions (HUF ~ 1/400 EUR)
_SMALL_UNITS: Final = frozenset({"HUF", "ISK", "CZK"})
EURO_COUNTRIES: Final = frozenset(
    {"Belgium", "Netherlands", "Italy", "Germany", "France", "Luxembourg", "Portugal", "Spain", "Greece",
     "Slovakia", "Lithuania", "Latvia", "Estonia", "Croatia", "Slovenia", "Montenegro", "Finland", "Kosovo"}
)
# ("12 times per year", "12 x per year": how often a monthly salary is paid)
# (not how often a monthly salary is paid: "12 payments per year", "(12 payments/year, ...)")
_ANNUAL: Final = rxcache.compile(r"\b(?<!times )(?<! x )(?<! × )(?<!fois )(?<!mal )(?<!payments )(?<!instalments )"
                     r"(?<!payments)(?<!instalments)(?<!installments)"
                     r"(?<!installments )(?:per (?:year|annum)|a year|annual(?:ly)?|yearly|p\.?a\.?|/ ?year|par an|annuel"
                     r"|jährlich"
                     r"|pro jahr|per jaar|jaarlijks|annuo|all'anno|rocznie)\b"
                     r"(?! (?:leave|holiday|vacation|increment|step|review|adjustment)s?\b)", re.I)  # ("30 days' annual leave")


_MONTHLY: Final = rxcache.compile(r"\b(?:per month|a month|monthly|/ ?month|par mois|mensuel|pro monat|monatlich|per maand|al mese"
                      r"|mensil[ei]|miesięcznie)\b", re.I)


def parse_amount(text: str) -> float | None:
    """The first money amount in ``text``: "6,467.30" / "6.467,30" / "6 467,30" / "10,742.69Euro" -> float."""
    m = _AMOUNT.search(text.replace("\u00a0", " "))
    if not m:
        return None
    raw = m.group(1).replace(" ", "").replace("\u202f", "").replace("'", "").replace("’", "")
    last_sep = max(raw.rfind(","), raw.rfind("."))
    if last_sep >= 0 and len(raw) - last_sep - 1 in (1, 2):
        whole, frac = raw[:last_sep], raw[last_sep + 1 :]
        whole = whole.replace(",", "").replace(".", "")
        number = float(f"{whole}.{frac}")
    else:
        number = float(raw.replace(",", "").replace(".", ""))
    return number


def _salary_figures(value: str) -> list[str]:
    """Each figure of a salary value, without a grade's or step's number ("G15 – 7,100.50 EUR", "Grade 15 step 1:
    7.100,50 €" -> the 7,100.50 alone)."""
    bare = _GRADE_NUMBER.sub(" ", value.replace("\u00a0", " "))
    return [m.group(0) for m in _AMOUNT.finditer(bare)]


_GRADE_NUMBER: Final = rxcache.compile(r"\b(?:[A-Za-z]{1,2}[-.]?\d{1,2}(?:/[A-Za-z]{1,2}[-.]?\d{1,2})?|(?:grade|step|échelon|stufe|grado"
                           r"|stopień|level)\s*\d{1,2})\b", re.I)


# A letter inside a figure, between its digits or after its separator: "6,l94.O8" (OCR's "l" for "1", "O" for "0")
_OCR_FIGURE: Final = rxcache.compile(r"(?<=\d)[lIOo](?=\d|[.,]\d)|(?<=\d[.,])[lIOo](?=\d)")


_ALLOWANCE_REST: Final = rxcache.compile(r"\b[Aa]llowances?\b[^.;]*")


@lru_cache(maxsize=512)  # (a value is read again when a posting has several salary fields)
def parse_salary(value: str) -> tuple[float | None, str | None, bool]:
    """(monthly amount, currency code, was_annual) from a salary field's value."""
    if _OCR_FIGURE.search(value):  # "EUR 6,l94.O8": a scan's OCR read "1" and "0" as letters inside the figure
        value = _OCR_FIGURE.sub(lambda m: "1" if m.group() in "lI" else "0", value)
    if "llowance" in value:
        # "... salary scale for Norway (tax-free). ... a rent allowance of up to NOK 9,500 per month": what follows an
        # allowance in its sentence is the allowance's
        value = _ALLOWANCE_REST.sub("", value)
    currency = currency_of(value)
    amount = None
    for figure in _salary_figures(value):
        found = parse_amount(figure)
        if found is None or found < 100:
            continue
        if currency is None and 1900 <= found <= 2199 and figure.isdigit():
            continue  # "NATO basic monthly salaries (Italy, 2027, tax-free):": a year, not an amount
        amount = found
        break
    if amount is None or amount <= 0:
        return None, currency, False
    yearly = _ANNUAL.search(value)
    # ("EUR 3.411,25 per month (12 payments/year)": a monthly figure, and how often it is paid)
    annual = yearly is not None and not _MONTHLY.search(value, 0, yearly.start())
    if annual:
        amount = round(amount / 12, 2)
    if not 100 <= amount <= (10_000_000 if currency in _SMALL_UNITS else 100_000):
        # not a monthly salary (a year, a post count, a phone number)
        return None, currency, annual
    return amount, currency, annual
