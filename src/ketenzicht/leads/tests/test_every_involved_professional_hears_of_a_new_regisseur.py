"""Every organisation involved with the household hears who the new regisseur is and how to
reach them — its personally involved professionals, or else its teamleiders and
aandachtsfunctionarissen; an organisation without a basis hears nothing; the title never names
the family (it is e-mailed)."""

import pytest

from ketenzicht.leads import hooks
from ketenzicht.notify.models import Notice

from .conftest import appoint_cjg, professional


@pytest.fixture
def teacher_personally_involved():
    def school(household):
        return [professional("leerkracht").pk]

    hooks.register_involvement(school)
    yield
    hooks._involvement.remove(school)


def _told() -> set[str]:
    return set(Notice.objects.filter(kind="regisseur-nieuw")
               .values_list("recipient__user__username", flat=True))


def test_involved_organisations_hear_the_new_regisseur_and_strangers_do_not(emmen):
    appoint_cjg()
    told = _told()
    # the CJG (case), the school (pupil) and the JGZ (registration on Emma) are involved
    assert {"cjg-demonden", "teamleider-demonden", "aandacht-kristalla", "jgz"} <= told
    assert not told & {"ggz", "wijkagent", "veiligthuis", "cjg-emmenzuid"}
    notice = Notice.objects.filter(kind="regisseur-nieuw", recipient=professional("jgz")).get()
    assert notice.title == "Nieuwe regisseur voor een huishouden"
    assert "Vries" not in notice.title
    assert professional("cjg-demonden").display_name in notice.body
    assert "CJG-Jeugdteam De Monden" in notice.body


def test_a_personally_involved_professional_is_told_instead_of_their_leads(
        emmen, teacher_personally_involved):
    appoint_cjg()
    told = _told()
    assert "leerkracht" in told and "aandacht-kristalla" not in told


def test_the_notice_links_the_household_page_only_for_those_who_may_open_it(emmen):
    """The JGZ's registration on Emma shows only Emma, not the household page: its notice of the
    new regisseur carries the name and contact and no link to a page it would get 404 on."""
    lead = appoint_cjg()
    notices = {n.recipient.user.username: n.link for n in Notice.objects.filter(kind="regisseur-nieuw")}
    assert notices["jgz"] == ""
    assert notices["cjg-demonden"] == f"/huishoudens/{lead.household.uuid}/"
