"""The GGD's JGZ in a real browser, with axe on every page: from the De Vries household page (its
nurse sees Daan as a client) to the assessment form, a first send with a problem, the recorded
assessment, and the JGZ's own history with the safety scale per child."""

from django.utils import timezone

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.models import LifeArea, RiskAssessment
from ketenzicht.web.tests.browser import (  # noqa: F401 (fixtures)
    BROWSER_MARKS,
    Login,
    assert_accessible,
    demo,
    page,
)

from .conftest import DAAN, de_vries

pytestmark = BROWSER_MARKS


def test_the_jgz_records_an_assessment_from_the_household_page(demo, page, live_server):  # noqa: F811
    grant_basis(Organisation.objects.get(slug="ggd-drenthe"), find_person_by_bsn(DAAN), BasisKind.CLIENT,
                actor=SYSTEM)
    household = de_vries()
    login = Login(page, live_server)
    login("jgz")
    page.goto(f"{live_server.url}/huishoudens/{household.uuid}/")
    assert_accessible(page, "huishouden-jgz")
    page.get_by_role("link", name="Risicotaxatie vastleggen").click()
    page.wait_for_url("**/risicotaxatie/")
    assert_accessible(page, "risicotaxatie-jgz")

    page.locator('[name="datum"]').fill(timezone.localdate().isoformat())
    for index, score in ((0, "5"), (1, "7")):
        page.locator(f'[name="kind{index}_score"]').select_option(score)
    for area in LifeArea:
        page.locator(f'[name="{area.value}_draagkracht"]').select_option("3")
        page.locator(f'[name="{area.value}_draaglast"]').select_option("3")
    page.locator('[name="huidige_veiligheid"]').fill("Nu veilig genoeg: moeder beschermt de kinderen.")
    page.locator('[name="vervolg"][value="netwerk"]').check()
    page.get_by_role("button", name="Risicotaxatie vastleggen").click()
    missing = "Een onderbouwd oordeel over de toekomstige veiligheid is verplicht."
    assert page.get_by_text(missing).first.is_visible()
    assert_accessible(page, "risicotaxatie-jgz-fouten")

    page.locator('[name="toekomstige_veiligheid"]').fill("Zonder steun van oma neemt de spanning toe.")
    page.get_by_role("button", name="Risicotaxatie vastleggen").click()
    page.wait_for_url("**/risicotaxaties/*/")
    assert page.get_by_text("De risicotaxatie is vastgelegd.").is_visible()
    assert_accessible(page, "risicotaxatie-jgz-vastgelegd")
    made = RiskAssessment.objects.get()
    assert (made.case, made.organisation.slug) == (None, "ggd-drenthe")

    page.get_by_role("link", name="Alle risicotaxaties naast elkaar").click()
    page.wait_for_url("**/risicotaxaties/")
    assert page.get_by_role("heading", name="Veiligheidsschaal per kind in de tijd").is_visible()
    assert_accessible(page, "risicotaxaties-jgz")
