"""Every page says who is logged in, for which organisation and in which role."""

from ketenzicht.organisations.models import Role


def test_organisation_and_role_always_visible(parties, verified_login):
    professional = parties.involved
    professional.role = Role.SAFEGUARDING_LEAD
    professional.save()
    client = verified_login(professional)

    for url in ("/", "/zoeken/", f"/personen/{parties.child.uuid}/",
                f"/huishoudens/{parties.household.uuid}/", "/bestaat-niet/", "/inzage/"):
        page = client.get(url).content.decode()
        assert professional.display_name in page, url
        assert "Kristalla" in page, url
        assert "Aandachtsfunctionaris" in page, url


def test_page_language_follows_the_chosen_language(parties, verified_login):
    client = verified_login(parties.involved)
    assert '<html lang="nl"' in client.get("/").content.decode()

    client.post("/i18n/setlang/", {"language": "en"}, HTTP_REFERER="/")
    page = client.get("/").content.decode()

    assert '<html lang="en"' in page
    assert "My worklist" in page


def test_worklist_is_empty_until_providers_add_items(parties, verified_login, settings):
    client = verified_login(parties.involved)
    assert "Er staat nog niets op uw werklijst." in client.get("/").content.decode()

    settings.KETENZICHT_WORKLIST_PROVIDERS = ["ketenzicht.web.tests.test_header.one_item"]
    page = client.get("/").content.decode()

    assert "Er staat nog niets op uw werklijst." not in page
    assert "Terugkoppeling geven" in page


def one_item(professional):
    from ketenzicht.web.worklist import WorklistItem

    return [WorklistItem(title="Terugkoppeling geven", url="/", kind="signaal")]
