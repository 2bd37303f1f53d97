"""The fixed format of the risk assessment (risicotaxatie), one list per kind, versioned.

Every child of the household is assessed in the same format: the signals, risk factors and
protective factors are chosen from these lists (plus free additions in words), so two
assessments of the same format can be compared item by item. Each assessment stores the version
it was made in (``RiskAssessment.format_version``); a changed list is a new version added below,
never an edit of an old one, so an old assessment still reads with the labels it was made with.

These lists are Ketenzicht's own, written for this system from the inspection report and the
GGSR factsheet (domain.md §4: signals, risk factors, protective factors, the whole household,
draagkracht and draaglast, zorgmijding). They are **not** LIRIK (NJi) or any other licensed or
validated instrument and do not reproduce one; they support the professional's judgement and
decide nothing: no score is computed from them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    code: str
    label: str


@dataclass(frozen=True)
class Format:
    version: int
    signals: tuple[Item, ...]
    risk_factors: tuple[Item, ...]
    protective_factors: tuple[Item, ...]

    def labels(self, kind: str) -> dict[str, str]:
        return {item.code: item.label for item in getattr(self, kind)}


#: The kinds of list, as the assessment's fields name them.
KINDS = ("signals", "risk_factors", "protective_factors")

VERSION_1 = Format(
    version=1,
    signals=(
        Item("letsel", "Onverklaard letsel of letsel dat niet past bij de uitleg"),
        Item("angst-thuis", "Het kind is bang voor een ouder of om naar huis te gaan"),
        Item("vertelt-geweld", "Het kind vertelt over geweld, mishandeling of misbruik"),
        Item("getuige-geweld", "Het kind is getuige van geweld tussen volwassenen"),
        Item("verzorging", "Verwaarloosde verzorging: voeding, kleding, hygiëne, slaap"),
        Item("medische-zorg", "Nodige medische of tandheelkundige zorg blijft uit"),
        Item("gedrag", "Plotselinge verandering in gedrag, teruggetrokken of juist agressief"),
        Item("ontwikkeling", "Achterstand in ontwikkeling zonder verklaring"),
        Item("schoolverzuim", "Veel verzuim of vaak te laat op school of kinderopvang"),
        Item("seksueel-gedrag", "Seksueel gedrag dat niet past bij de leeftijd"),
        Item("zelfbeschadiging", "Zelfbeschadiging of uitingen over niet meer willen leven"),
        Item("wegloop", "Weglopen of veel van huis zonder dat ouders weten waar"),
        Item("zorgtaken", "Het kind draagt zorgtaken die niet passen bij de leeftijd"),
    ),
    risk_factors=(
        Item("eerder-onveilig", "Eerdere onveiligheid of eerdere meldingen over het gezin"),
        Item("huiselijk-geweld", "Huiselijk geweld tussen volwassenen in het gezin"),
        Item("vechtscheiding", "Vechtscheiding of een conflict over het kind tussen de ouders"),
        Item("verslaving-ouder", "Verslaving van een ouder"),
        Item("psychische-problemen-ouder", "Psychische problemen van een ouder"),
        Item("beperking-ouder", "Licht verstandelijke beperking van een ouder"),
        Item("eigen-jeugd-ouder", "Een ouder maakte zelf geweld of verwaarlozing mee als kind"),
        Item("schulden", "Schulden of grote financiële zorgen"),
        Item("huisvesting", "Dreigende huisuitzetting of slechte huisvesting"),
        Item("isolement", "Sociaal isolement van het gezin"),
        Item("jonge-ouder", "Een zeer jonge ouder zonder steun"),
        Item("zorgvraag-kind", "Een kind met een grote zorgvraag (ziekte, beperking, gedrag)"),
        Item("zorgmijding", "Zorgmijding of eerdere hulp die is vastgelopen"),
        Item("ontkenning", "Ouders ontkennen of bagatelliseren de zorgen"),
    ),
    protective_factors=(
        Item("veilige-ouder", "Ten minste één ouder biedt het kind veiligheid en steun"),
        Item("erkent-zorgen", "Ouders erkennen de zorgen en willen iets veranderen"),
        Item("accepteert-hulp", "Ouders accepteren hulp en houden zich aan afspraken"),
        Item("netwerk", "Een betrokken netwerk (familie, vrienden, buren) dat meekijkt"),
        Item("vertrouwenspersoon", "Het kind heeft een vertrouwenspersoon buiten het gezin"),
        Item("school-opvang", "Het kind gaat regelmatig naar school of opvang"),
        Item("vaardigheden-kind", "Het kind kan zijn of haar zorgen benoemen en hulp vragen"),
        Item("stabiel-inkomen", "Stabiel inkomen en stabiele huisvesting"),
        Item("eerdere-hulp-werkte", "Eerdere hulp heeft het gezin geholpen"),
        Item("structuur", "Structuur en voorspelbaarheid in het dagelijks leven"),
    ),
)

#: Every version ever used; add, never change.
FORMATS: dict[int, Format] = {VERSION_1.version: VERSION_1}
#: The version new assessments are made in.
CURRENT_VERSION = max(FORMATS)


def current_format() -> Format:
    return FORMATS[CURRENT_VERSION]


def format_of(version: int) -> Format:
    """The format an assessment was made in (an unknown version shows no labels, only codes)."""
    return FORMATS.get(version, Format(version, (), (), ()))
