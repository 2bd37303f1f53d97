"""The demo's organisations and what their types may do in the chain (domain.md §1-2)."""

from django.utils.text import slugify

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.demo.config import PROVIDER_INTERVENTION_LEVELS
from ketenzicht.organisations.models import Organisation, OrganisationType, SchoolLevel

DISTRICT_NAMES = {
    "de-monden": "De Monden", "de-blokken": "De Blokken", "de-velden": "De Velden",
    "emmen-noord": "Emmen Noord", "emmen-oost": "Emmen Oost", "emmen-zuid": "Emmen Zuid",
}
DISTRICTS = list(DISTRICT_NAMES)

# The organisation table of demo.md: slug → (name without the explanation in brackets, type).
DEMO_MD = {
    "gemeente-emmen": ("Gemeente Emmen", "gemeente"),
    "sedna": ("Welzijnsgroep Sedna", "welzijn"),
    **{f"cjg-{d}": (f"CJG-Jeugdteam {n}", "CJG-Jeugdteam") for d, n in DISTRICT_NAMES.items()},
    "cjg-12plus": ("CJG 12+ team", "CJG-Jeugdteam"),
    **{f"sgt-{d}": (f"Sociaal gebiedsteam {n}", "sociaal gebiedsteam") for d, n in DISTRICT_NAMES.items()},
    "mee-drenthe": ("MEE Drenthe", "MEE"),
    "huisartsen-emmen": ("Huisartsenpraktijk Emmen", "huisarts"),
    "ggd-drenthe": ("GGD Drenthe, jeugdgezondheidszorg", "JGZ"),
    "peuterwerk": ("Stichting Peuterwerk", "kinderopvang"),
    "kwebbel": ("Kinderopvang Kwebbel", "kinderopvang"),
    "kristalla": ("RK/PC Jenaplan BO Kristalla", "school"),
    "schuldhulp-emmen": ("Schulddienstverlening gemeente Emmen", "schuldhulp"),
    "politie-drenthe": ("Politie Noord-Nederland, wijkagenten Drenthe", "politie"),
    "veilig-thuis-drenthe": ("Veilig Thuis Drenthe", "Veilig Thuis"),
    "domesta": ("Woningbouwvereniging Domesta", "woningcorporatie"),
    "dorpenzorg": ("Stichting Dorpenzorg", "vrijwilligers"),
    "jb-noord": ("Jeugdbescherming Noord", "gecertificeerde instelling"),
    "raad-kinderbescherming": ("Raad voor de Kinderbescherming", "Raad"),
    "spoed4jeugd": ("Spoed4Jeugd", "crisisdienst"),
    "ggz-drenthe": ("GGZ Drenthe", "volwassen-GGZ"),
    "vnn": ("Verslavingszorg Noord Nederland", "verslavingszorg"),
    "treant": ("Treant Zorggroep, ziekenhuis Emmen", "ziekenhuis"),
    "inspectie": ("Samenwerkend Toezicht Jeugd", "inspectie"),
}


def test_demo_contains_every_organisation_from_demo_md(demo):
    organisations = {o.slug: o for o in Organisation.objects.select_related("type")}
    for slug, (name, type_label) in DEMO_MD.items():
        organisation = organisations[slug]
        assert organisation.name == name, slug
        assert organisation.type.slug == slugify(type_label), slug
        assert organisation.municipality.slug == "emmen"


def test_district_teams_serve_their_own_district_only(demo):
    for district in DISTRICTS:
        for prefix in ("cjg", "sgt"):
            organisation = Organisation.objects.get(slug=f"{prefix}-{district}")
            assert list(organisation.districts.values_list("slug", flat=True)) == [district]
            assert organisation.teams.get().district.slug == district
    # The municipality-wide 12+ team has no district basis: it would open every resident.
    assert not Organisation.objects.get(slug="cjg-12plus").districts.exists()


def test_volunteers_may_not_register_in_index(demo):
    dorpenzorg = Organisation.objects.get(slug="dorpenzorg")
    assert dorpenzorg.type.is_volunteer
    assert not dorpenzorg.type.may_register_in_index
    assert not OrganisationType.objects.filter(is_volunteer=True, may_register_in_index=True).exists()


def test_schools_and_police_never_coordinate_matches(demo):
    for slug in ("kristalla", "politie-drenthe"):
        kind = Organisation.objects.get(slug=slug).type
        assert kind.may_register_in_index, slug
        assert not kind.may_coordinate_match, slug


def test_only_cjg_jeugdteams_see_the_residents_of_their_district(demo):
    assert set(
        OrganisationType.objects.filter(grants_district_basis=True).values_list("slug", flat=True)
    ) == {"cjg-jeugdteam"}
    cjg = OrganisationType.objects.get(slug="cjg-jeugdteam")
    assert cjg.may_coordinate_match and cjg.receives_signals
    sgt = OrganisationType.objects.get(slug="sociaal-gebiedsteam")
    assert sgt.receives_signals and not sgt.grants_district_basis


def test_veilig_thuis_receives_reports_and_adult_care_does_the_kindcheck(demo):
    assert set(
        OrganisationType.objects.filter(receives_reports=True).values_list("slug", flat=True)
    ) == {"veilig-thuis"}
    adult_care = {"ggz-drenthe", "vnn", "treant", "schuldhulp-emmen"}
    for organisation in Organisation.objects.select_related("type"):
        assert organisation.type.is_adult_care == (organisation.slug in adult_care), organisation.slug


def test_only_the_police_report_concerns_about_children_to_veilig_thuis(demo):
    """Report §3.2; routing reads it from the type (``signals.routing``), never from a slug."""
    assert set(
        OrganisationType.objects.filter(reports_child_concerns_to_veilig_thuis=True)
        .values_list("slug", flat=True)
    ) == {"politie"}


def test_one_secondary_school_whose_pupil_is_emma_and_kristalla_stays_primary(demo):
    levels = dict(Organisation.objects.exclude(school_level="").values_list("slug", "school_level"))
    assert levels == {"kristalla": SchoolLevel.PRIMARY, "esdal-college": SchoolLevel.SECONDARY}
    esdal = Organisation.objects.get(slug="esdal-college")
    assert (esdal.name, esdal.type.slug, esdal.municipality.slug) == (
        "Esdal College, Emmen", "school", "emmen")
    assert not esdal.districts.exists()  # a school is no desk
    assert list(AccessBasis.objects.filter(organisation=esdal, ended_at__isnull=True)
                .values_list("person__given_names", "kind")) == [("Emma", BasisKind.CLIENT)]


def test_providers_offer_intervention_levels_one_to_eight(demo):
    providers = Organisation.objects.filter(type__slug="hulpaanbieder")
    assert set(providers.values_list("slug", flat=True)) == set(PROVIDER_INTERVENTION_LEVELS)
    offered = {level for levels in PROVIDER_INTERVENTION_LEVELS.values() for level in levels}
    assert offered == set(range(1, 9))
    assert all(p.type.may_coordinate_match for p in providers)
