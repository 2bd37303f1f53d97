"""Signalen in cijfers: which concerns are signalled per district, whether signallers hear back,
and the kindcheck's use — aggregates for policy officers and inspectors, never a person, nothing
for client professionals."""

import pytest

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.signals import desks
from ketenzicht.signals.childcheck import ChildCheckAnswers, record_child_check
from ketenzicht.signals.services import share_signal
from ketenzicht.signals.tests.conftest import DAAN, LINDA, PARENTS_CONSENT, acting, signal_as

from .vir_login import logged_in

URL = "/signalen/cijfers/"


@pytest.fixture
def emmen(db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    shared = signal_as("leerkracht", DAAN, categories=("schoolverzuim", "armoede"))
    route = share_signal(*acting("leerkracht"), shared, PARENTS_CONSENT)
    desks.accept(*acting("cjg-demonden"), route)
    desks.record_assessment(*acting("cjg-demonden"), route, "eigen-hulp")  # heard back after triage
    accepted_only = signal_as("jgz", DAAN, categories=("schoolverzuim",))
    desks.accept(*acting("cjg-demonden"), share_signal(*acting("jgz"), accepted_only, PARENTS_CONSENT))
    signal_as("jgz", DAAN, categories=("huisvesting",))  # not shared: no feedback to count
    record_child_check(*acting("ggz"), find_person_by_bsn(LINDA), ChildCheckAnswers(
        children_in_home=True, cares_for_children=False, partner_has_children=False,
        pregnant=False))


def cells(html: str) -> str:
    return " ".join(html.split())


def test_signal_figures_count_per_category_and_residence_district(emmen):
    html = cells(logged_in("beleid").get(URL).content.decode())
    assert 'href="/signalen/cijfers/" aria-current="page"' in html
    assert ('<th scope="row" class="utrecht-table__header-cell">Schoolverzuim</th> '
            '<td class="utrecht-table__cell">De Monden</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">2</td>') in html
    assert ('<th scope="row" class="utrecht-table__header-cell">Armoede</th> '
            '<td class="utrecht-table__cell">De Monden</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">1</td>') in html


def test_signal_figures_count_feedback_after_triage_not_a_mere_acceptance(emmen):
    html = cells(logged_in("inspecteur").get(URL, {"gemeente": "emmen"}).content.decode())
    assert ('<td class="utrecht-table__cell utrecht-table__cell--numeric">2</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">1</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">50%</td>') in html


def test_signal_figures_measure_the_kindcheck_use_per_organisation(emmen):
    html = cells(logged_in("beleid").get(URL).content.decode())
    assert ('<th scope="row" class="utrecht-table__header-cell">GGZ Drenthe</th> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">1</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">1</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">0</td>') in html


@pytest.mark.parametrize("username", ["leerkracht", "cjg-demonden", "veiligthuis", "ggz"])
def test_signal_figures_forbidden_for_client_professionals(emmen, username):
    client = logged_in(username)
    assert client.get(URL).status_code == 403
    assert f'href="{URL}"' not in client.get("/").content.decode()


def test_signal_figures_show_no_person(emmen):
    html = logged_in("inspecteur").get(URL).content.decode()
    for bsn in (DAAN, LINDA):
        person = find_person_by_bsn(bsn)
        for value in (bsn, str(person.uuid), person.full_name):
            assert value not in html
    assert "/signalen/" not in html.replace(URL, "")
