"""Signaal vastleggen: from the person page (by uuid) or by BSN in a POST body, never a BSN in a URL;
the facts kept apart from what others said; each refusal shown next to its field in Dutch; an
attachment within the type limits, or no signal at all."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ketenzicht.signals.models import Attachment, Signal
from ketenzicht.signals.tests.conftest import DAAN, emmen  # noqa: F401 (the fixture)

from .signal_support import PDF, error_of, latest_signal, page, person, signal_data
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def test_person_page_button_passes_the_persons_uuid_and_the_form_never_shows_the_bsn():
    client = logged_in("leerkracht")
    daan = person(DAAN)
    assert f'href="/signalen/nieuw/?persoon={daan.uuid}">Signaal vastleggen</a>' in page(
        client, f"/personen/{daan.uuid}/")

    form = page(client, f"/signalen/nieuw/?persoon={daan.uuid}")

    assert "<h1 class=\"utrecht-heading-1\">Signaal vastleggen</h1>" in form
    assert "Daan de Vries" in form and DAAN not in form
    assert f'name="persoon" value="{daan.uuid}"' in form
    assert 'method="post"' in form and 'enctype="multipart/form-data"' in form
    for label in ("Waar maakt u zich zorgen over?", "Wat heeft u zelf waargenomen?",
                  "Wat zeiden anderen?", "Bron 1: wie zei het?", "Wat heeft bron 1 gezegd?",
                  "Urgentie", "Waargenomen op", "Bijlage (niet verplicht)", "Lichamelijke verwaarlozing",
                  "Huiselijk geweld tussen partners"):
        assert label in form, label
    # Sensible defaults: urgency regulier, the moment now.
    assert re.search(r'value="regulier" id="id_urgentie_2" [^>]* checked>', form)
    assert 'type="datetime-local" name="waargenomen_op" value="' in form


def test_signal_from_the_person_page_keeps_facts_apart_from_statements_and_opens_its_page():
    client = logged_in("leerkracht")
    daan = person(DAAN)

    response = client.post("/signalen/nieuw/", signal_data(
        persoon=str(daan.uuid), bron_1="Daan zelf", gezegd_1="Mama is altijd moe.",
        bron_2="", gezegd_2=""))

    signal = latest_signal()
    assert response.status_code == 302
    assert response["Location"] == f"/signalen/{signal.uuid}/"
    assert signal.person == daan and signal.facts.startswith("Daan komt al een week")
    assert [(s.source, s.content) for s in signal.statements.all()] == [("Daan zelf", "Mama is altijd moe.")]
    shown = page(client, response["Location"])
    assert "Het signaal is vastgelegd." in shown
    assert "Bron: Daan zelf" in shown and "Mama is altijd moe." in shown
    assert "Voorstel: <strong>CJG-Jeugdteam De Monden</strong>" in shown


def test_signal_by_bsn_travels_in_the_post_body_and_redirects_without_it():
    client = logged_in("leerkracht")
    assert f'value="{DAAN}"' not in page(client, f"/signalen/nieuw/?bsn={DAAN}")

    response = client.post("/signalen/nieuw/", signal_data(bsn=DAAN))

    assert response.status_code == 302
    assert DAAN not in response["Location"]
    assert response["Location"] == f"/signalen/{latest_signal().uuid}/"
    assert DAAN not in page(client, response["Location"])


def test_refusals_are_shown_next_to_their_field_in_dutch():
    client = logged_in("leerkracht")

    html = client.post("/signalen/nieuw/", signal_data(bsn=DAAN, categorieen=[])).content.decode()
    assert error_of(html, "id_categorieen") == "Kies ten minste één categorie van zorg."
    assert "Er is iets niet goed gegaan" in html  # the error summary above the form

    html = client.post("/signalen/nieuw/", signal_data(bsn=DAAN, waarneming=" ")).content.decode()
    assert error_of(html, "id_waarneming") == "Beschrijf wat u zelf heeft waargenomen (feiten)."

    html = client.post("/signalen/nieuw/", signal_data(bsn="999990018")).content.decode()
    assert error_of(html, "id_bsn")  # the elfproef's own Dutch message

    html = client.post("/signalen/nieuw/", signal_data(
        bsn=DAAN, bron_1="", gezegd_1="Hij zei dat hij bang is.")).content.decode()
    assert error_of(html, "id_bron_1") == "Noem bij wat een ander zei altijd de bron (wie zei het)."

    html = client.post("/signalen/nieuw/", signal_data(
        bsn=DAAN, waargenomen_op="2999-01-01T10:00")).content.decode()
    assert error_of(html, "id_waargenomen_op") == "Het moment van de waarneming ligt in de toekomst."
    assert not Signal.objects.exists()


def test_an_attachment_of_another_type_leaves_no_signal_behind():
    client = logged_in("leerkracht")

    html = client.post("/signalen/nieuw/", signal_data(
        bsn=DAAN, bijlage=SimpleUploadedFile("foto.pdf", b"MZ\x90\x00not a pdf"))).content.decode()

    assert error_of(html, "id_bijlage") == "Alleen deze soorten bestanden kunnen mee: PDF, PNG, JPEG."
    assert not Signal.objects.exists() and not Attachment.objects.exists()


def test_an_attachment_too_large_is_refused(settings):
    settings.KETENZICHT_ATTACHMENT_MAX_BYTES = 1024 * 1024
    client = logged_in("leerkracht")

    html = client.post("/signalen/nieuw/", signal_data(
        bsn=DAAN, bijlage=SimpleUploadedFile("groot.pdf", PDF + b"0" * (1024 * 1024)))).content.decode()

    message = error_of(html, "id_bijlage")
    assert message.startswith("Een bijlage is ten hoogste 1") and message.endswith("MB.")
    assert not Signal.objects.exists()


def test_a_pdf_is_attached_and_listed_for_download():
    client = logged_in("leerkracht")

    response = client.post("/signalen/nieuw/", signal_data(
        bsn=DAAN, bijlage=SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf")))

    attachment = Attachment.objects.get()
    assert attachment.signal == latest_signal() and attachment.content_type == "application/pdf"
    shown = page(client, response["Location"])
    assert (f'href="/signalen/{attachment.signal.uuid}/bijlagen/{attachment.uuid}/">'
            "verslag.pdf downloaden</a>") in shown


def test_a_role_without_clients_may_not_signal():
    assert logged_in("beleid").get("/signalen/nieuw/").status_code == 403
