"""The Emmen demo's configuration data: municipality, districts, postcodes, organisation types.

This is what a municipality would configure, written down as data so the demo, the tests and the
README walkthrough agree on every slug (see ``/work/shared/demo.md``).

The postcode areas and street names are **approximate**: plausible for Emmen's districts and
villages and never overlapping, but not an official CBS/BAG division. A real deployment loads
the municipality's own PC4/PC6 table.
"""

from dataclasses import dataclass, field
from datetime import date

MUNICIPALITY = {"slug": "emmen", "name": "Emmen", "cbs_code": "0114"}


@dataclass(frozen=True)
class Place:
    """A town or village part with its PC4 area and some of its streets."""

    pc4: str
    city: str
    streets: tuple[str, ...]


@dataclass(frozen=True)
class DistrictConfig:
    slug: str
    name: str
    places: tuple[Place, ...]
    #: Relative share of the generated households; the inspection report says most youth live
    #: in Emmen Zuid and De Velden.
    weight: int = 10

    @property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(place.pc4 for place in self.places)


_EMMEN_CENTRE = ("Hoofdstraat", "Noorderstraat", "Wilhelminastraat", "Marktplein", "Kapelstraat",
                 "Raadhuisplein", "Boslaan", "Stationsstraat")

DISTRICTS: tuple[DistrictConfig, ...] = (
    DistrictConfig(
        slug="de-monden", name="De Monden", weight=16,
        places=(
            Place("7881", "Emmer-Compascuum", ("Hoofdkanaal Oost", "Hoofdkanaal West", "Runde ZZ",
                                               "Verlengde Oosterdiep", "Splitting", "Kerklaan")),
            Place("7882", "Emmer-Compascuum", ("Scholtenskanaal", "Zandpol", "Vaart ZZ",
                                               "Hoofdstraat", "Boslaan")),
            Place("7884", "Emmer-Erfscheidenveen", ("Verlengde Hoofdkanaal", "Runde NZ",
                                                    "Kavelingen", "Schoolstraat")),
            Place("7885", "Barger-Compascuum", ("Hoofdkanaal", "Oosterdiep", "Kerkstraat",
                                                "Dwarsdiep")),
            Place("7895", "Roswinkel", ("Hoofdweg", "Dorpsstraat", "Kerkweg", "Esweg")),
        ),
    ),
    DistrictConfig(
        slug="de-blokken", name="De Blokken", weight=15,
        places=(
            Place("7891", "Klazienaveen", ("Langestraat", "Van Heekweg", "Vaart NZ", "Vaart ZZ",
                                           "Brandeveen", "Polderweg")),
            Place("7892", "Klazienaveen", ("Lange Kampweg", "Dorpsstraat", "Havenstraat",
                                           "Parallelweg", "Sint Jozefstraat")),
            Place("7894", "Zwartemeer", ("Hoofdstraat", "Ameland", "Dommerskanaal", "Kerkstraat")),
            Place("7761", "Schoonebeek", ("Europaweg", "Kerkstraat", "Nieuwe Hoofdstraat",
                                          "Paardenweide", "Scholtenswijk")),
            Place("7766", "Nieuw-Schoonebeek", ("Kerkweg", "Burgemeester Bosweg", "Sluisweg")),
        ),
    ),
    DistrictConfig(
        slug="de-velden", name="De Velden", weight=19,
        places=(
            Place("7833", "Nieuw-Amsterdam", ("Van Goghstraat", "Vaart NZ", "Vaart ZZ", "Kerkstraat",
                                              "Julianastraat", "Dwarsvaart")),
            Place("7832", "Veenoord", ("Veenoorderweg", "Kapelstraat", "Dordsestraat")),
            Place("7887", "Erica", ("Verlengde Hoofdweg", "Kerkstraat", "Zuiderdiep",
                                    "Kanaalweg", "Middenraai")),
            Place("7883", "Nieuw-Dordrecht", ("Dordsedijk", "Oranjedorp", "Herendijk")),
        ),
    ),
    DistrictConfig(
        slug="emmen-noord", name="Emmen Noord", weight=16,
        places=(
            Place("7811", "Emmen", _EMMEN_CENTRE),
            Place("7812", "Emmen", ("Angelsloërdijk", "Houtweg", "Weerdingerstraat", "Statenweg",
                                    "Dennenlaan", "Eikenlaan")),
            Place("7813", "Emmen", ("Meerstraat", "Noordbargerstraat", "Lindenlaan", "Esstraat")),
            Place("7814", "Emmen", ("Brem", "Sleedoorn", "Hondsdraf", "Heidelaan")),
            Place("7831", "Weerdinge", ("Hoofdstraat", "Kamperweg", "Zuidesweg")),
        ),
    ),
    DistrictConfig(
        slug="emmen-oost", name="Emmen Oost", weight=15,
        places=(
            Place("7815", "Emmen", ("Mantingerweg", "Smidsstraat", "Wevershof", "Vlindertuin")),
            Place("7816", "Emmen", ("Houtweg", "Wilhelminastraat", "Oosterstraat", "Kerkhoflaan")),
            Place("7817", "Emmen", ("Meerveld", "Laan van het Kinholt", "Peppelhoven", "Ganzenerf")),
            Place("7818", "Emmen", ("Schansstraat", "Hunebedstraat", "Roswinkelerstraat")),
        ),
    ),
    DistrictConfig(
        slug="emmen-zuid", name="Emmen Zuid", weight=19,
        places=(
            Place("7821", "Emmen", ("Rietzoom", "Lisdodde", "Oosterbos", "Hondsrugweg")),
            Place("7822", "Emmen", ("Sandurlaan", "Delftlaan", "Wilhelminapark")),
            Place("7823", "Emmen", ("Bargermeerstraat", "Veenweg", "Angelsloërdijk")),
            Place("7824", "Emmen", ("Zuidbargerbrink", "Zuidbargerstraat", "Ermerweg", "Kerkweg")),
            Place("7826", "Emmen", ("Scheepvaartstraat", "Middenraai", "Spoorstraat")),
        ),
    ),
)


@dataclass(frozen=True)
class OrganisationTypeConfig:
    """An organisation type and what it may do in the chain (domain.md §1-2, §4)."""

    slug: str
    name: str
    may_register_in_index: bool = True
    may_coordinate_match: bool = False
    receives_reports: bool = False
    receives_signals: bool = False
    grants_district_basis: bool = False
    is_adult_care: bool = False
    is_volunteer: bool = False
    reports_child_concerns_to_veilig_thuis: bool = False
    assesses_risk: bool = False


# Registering is a right of designated organisations (meldbevoegd); volunteers may not. Only
# organisations whose core task is helping youth may coordinate a match: schools and police
# register, never coordinate.
#
# Decisions on district bases (need-to-know; ``grants_district_basis``):
# - CJG-Jeugdteam: yes, but only as the purposeful search (``access.resident_search``): it finds
#   a resident of its district without a basis to record an application or a signal, audited with
#   the reason; it sees the person and household only through the case or signal that follows.
# - Sociaal gebiedsteam: no, and it does not coordinate matches either (its core task is the
#   whole social domain, not youth help). It receives signals about adult circumstances (income, housing,
#   Wmo), so it gets a basis per case (a signal), never a view of every resident of its district.
# - CJG 12+: the same type as the district teams, but linked to no district (see ORGANISATIONS):
#   its work follows secondary-school pupils, and a municipality-wide district basis would open
#   every resident of Emmen to it.
#
# The police report concerns about children to Veilig Thuis (report §3.2): routing proposes a
# report there instead of a signal to the CJG-Jeugdteam.
ORGANISATION_TYPES: tuple[OrganisationTypeConfig, ...] = (
    OrganisationTypeConfig("gemeente", "Gemeente", may_register_in_index=False),
    OrganisationTypeConfig("welzijn", "Welzijn"),
    OrganisationTypeConfig(
        "cjg-jeugdteam", "CJG-Jeugdteam", may_coordinate_match=True, receives_signals=True,
        grants_district_basis=True,
    ),
    OrganisationTypeConfig("sociaal-gebiedsteam", "Sociaal gebiedsteam", receives_signals=True),
    OrganisationTypeConfig("mee", "MEE", may_coordinate_match=True),
    OrganisationTypeConfig("huisarts", "Huisarts"),
    # The JGZ holds no case but assesses a household with the same instrument as the teams.
    OrganisationTypeConfig("jgz", "Jeugdgezondheidszorg (JGZ)", may_coordinate_match=True,
                           assesses_risk=True),
    OrganisationTypeConfig("kinderopvang", "Kinderopvang en peuterwerk"),
    OrganisationTypeConfig("school", "School"),
    OrganisationTypeConfig("schuldhulp", "Schuldhulpverlening", is_adult_care=True),
    OrganisationTypeConfig("politie", "Politie", reports_child_concerns_to_veilig_thuis=True),
    OrganisationTypeConfig("veilig-thuis", "Veilig Thuis", may_coordinate_match=True,
                           receives_reports=True),
    OrganisationTypeConfig("woningcorporatie", "Woningcorporatie"),
    OrganisationTypeConfig("vrijwilligers", "Vrijwilligersorganisatie", may_register_in_index=False,
                           is_volunteer=True),
    OrganisationTypeConfig("gecertificeerde-instelling", "Gecertificeerde instelling",
                           may_coordinate_match=True),
    OrganisationTypeConfig("raad", "Raad voor de Kinderbescherming"),
    # Spoed4Jeugd hands every case to the local team on the next working day: no coordination.
    OrganisationTypeConfig("crisisdienst", "Crisisdienst"),
    OrganisationTypeConfig("volwassen-ggz", "Volwassenen-GGZ", is_adult_care=True),
    OrganisationTypeConfig("verslavingszorg", "Verslavingszorg", is_adult_care=True),
    OrganisationTypeConfig("ziekenhuis", "Ziekenhuis", is_adult_care=True),
    OrganisationTypeConfig("inspectie", "Inspectie", may_register_in_index=False),
    OrganisationTypeConfig("hulpaanbieder", "Jeugdhulpaanbieder", may_coordinate_match=True),
)


@dataclass(frozen=True)
class OrganisationConfig:
    slug: str
    name: str
    type: str
    districts: tuple[str, ...] = ()
    #: For hulpaanbieders: the Drentse interventieniveaus (1-8) they offer.
    intervention_levels: tuple[int, ...] = field(default=())
    #: For schools: ``po`` (primair) or ``vo`` (voortgezet onderwijs, whose pupils may also go
    #: to the CJG 12+ team); ``organisations.models.SchoolLevel``.
    school_level: str = ""


def _per_district(prefix: str, name: str, type_slug: str) -> tuple[OrganisationConfig, ...]:
    return tuple(
        OrganisationConfig(f"{prefix}-{d.slug}", f"{name} {d.name}", type_slug, (d.slug,))
        for d in DISTRICTS
    )


ORGANISATIONS: tuple[OrganisationConfig, ...] = (
    OrganisationConfig("gemeente-emmen", "Gemeente Emmen", "gemeente"),
    OrganisationConfig("sedna", "Welzijnsgroep Sedna", "welzijn"),
    *_per_district("cjg", "CJG-Jeugdteam", "cjg-jeugdteam"),
    OrganisationConfig("cjg-12plus", "CJG 12+ team", "cjg-jeugdteam"),
    *_per_district("sgt", "Sociaal gebiedsteam", "sociaal-gebiedsteam"),
    OrganisationConfig("mee-drenthe", "MEE Drenthe", "mee"),
    OrganisationConfig("huisartsen-emmen", "Huisartsenpraktijk Emmen", "huisarts"),
    OrganisationConfig("ggd-drenthe", "GGD Drenthe, jeugdgezondheidszorg", "jgz"),
    OrganisationConfig("peuterwerk", "Stichting Peuterwerk", "kinderopvang"),
    OrganisationConfig("kwebbel", "Kinderopvang Kwebbel", "kinderopvang"),
    OrganisationConfig("kristalla", "RK/PC Jenaplan BO Kristalla", "school", school_level="po"),
    OrganisationConfig("esdal-college", "Esdal College, Emmen", "school", school_level="vo"),
    OrganisationConfig("schuldhulp-emmen", "Schulddienstverlening gemeente Emmen", "schuldhulp"),
    OrganisationConfig("politie-drenthe", "Politie Noord-Nederland, wijkagenten Drenthe", "politie"),
    OrganisationConfig("veilig-thuis-drenthe", "Veilig Thuis Drenthe", "veilig-thuis"),
    OrganisationConfig("domesta", "Woningbouwvereniging Domesta", "woningcorporatie"),
    OrganisationConfig("dorpenzorg", "Stichting Dorpenzorg", "vrijwilligers"),
    OrganisationConfig("jb-noord", "Jeugdbescherming Noord", "gecertificeerde-instelling"),
    OrganisationConfig("raad-kinderbescherming", "Raad voor de Kinderbescherming", "raad"),
    OrganisationConfig("spoed4jeugd", "Spoed4Jeugd", "crisisdienst"),
    OrganisationConfig("ggz-drenthe", "GGZ Drenthe", "volwassen-ggz"),
    OrganisationConfig("vnn", "Verslavingszorg Noord Nederland", "verslavingszorg"),
    OrganisationConfig("treant", "Treant Zorggroep, ziekenhuis Emmen", "ziekenhuis"),
    OrganisationConfig("inspectie", "Samenwerkend Toezicht Jeugd", "inspectie"),
)

# Hulpaanbieders for referrals (toeleiding). There is no provider model yet: they are
# organisations of type ``hulpaanbieder``, and the interventieniveaus they offer are kept here
# for the plans app to pick up. The names are fictional regional providers.
PROVIDERS: tuple[OrganisationConfig, ...] = (
    OrganisationConfig("opvoedsteunpunt-emmen", "Opvoedsteunpunt Emmen", "hulpaanbieder",
                       intervention_levels=(1, 2, 3)),
    OrganisationConfig("gezinscoaching-drenthe", "Gezinscoaching Drenthe", "hulpaanbieder",
                       intervention_levels=(3, 4)),
    OrganisationConfig("jeugdhulp-zuidoost-drenthe", "Jeugdhulp Zuidoost-Drenthe", "hulpaanbieder",
                       intervention_levels=(4, 5, 6)),
    OrganisationConfig("kinder-jeugdpsychiatrie-noord", "Kinder- en Jeugdpsychiatrie Noord",
                       "hulpaanbieder", intervention_levels=(5, 6, 7)),
    OrganisationConfig("dagbehandeling-de-esch", "Dagbehandeling De Esch", "hulpaanbieder",
                       intervention_levels=(7,)),
    OrganisationConfig("pleegzorg-drenthe", "Pleegzorg en Wonen Drenthe", "hulpaanbieder",
                       intervention_levels=(8,)),
)

#: Interventieniveaus per hulpaanbieder, for the plans app (referrals, expert team for 7-8).
PROVIDER_INTERVENTION_LEVELS: dict[str, tuple[int, ...]] = {
    provider.slug: provider.intervention_levels for provider in PROVIDERS
}

#: Emmen's rule for the verwijsindex: the CJG-Jeugdteam of the youth's district coordinates.
MATCH_COORDINATOR_TYPE = "cjg-jeugdteam"

#: Emmen's desks for signals: the CJG-Jeugdteam (youth) and the sociaal gebiedsteam (adults) of the
#: district where the person lives, Veilig Thuis Drenthe, Spoed4Jeugd outside office hours, and
#: the CJG 12+ team for secondary-school pupils.
SIGNAL_DESKS = {
    "youth_desk_type": "cjg-jeugdteam",
    "adult_desk_type": "sociaal-gebiedsteam",
    "report_desk": "veilig-thuis-drenthe",
    "crisis_desk": "spoed4jeugd",
    "secondary_school_team": "cjg-12plus",
}
#: The OGGZ meeting meets every three weeks from this (a Tuesday).
OGGZ_FIRST_MEETING = date(2026, 1, 6)
