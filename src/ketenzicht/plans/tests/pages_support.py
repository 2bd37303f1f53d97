"""What the intake and risk-assessment page tests post: complete forms for the De Vries household."""

from ketenzicht.plans.models import LifeArea

from .conftest import WEDNESDAY


def assessment_form(**changes) -> dict:
    """A complete risk assessment form: Emma (kind0, the eldest) and Daan (kind1)."""
    data = {"datum": WEDNESDAY.date().isoformat(), "kind0_score": "5", "kind1_score": "7",
            "kind1_signalen": ["gedrag"], "kind1_gevaar1": "Daan is bang als vader drinkt.",
            "kind1_doel1": "Daan slaapt bij oma als vader drinkt.",
            "huidige_veiligheid": "Nu veilig genoeg: moeder beschermt de kinderen.",
            "toekomstige_veiligheid": "Zonder hulp neemt de spanning toe.", "vervolg": "plan"}
    for area in LifeArea:
        data[f"{area.value}_draagkracht"] = "3"
        data[f"{area.value}_draaglast"] = "3"
    return {**data, **changes}


def intake_form(**changes) -> dict:
    return {"gehouden_op": WEDNESDAY.date().isoformat(), "vraag": "Rust in huis.", "samenvatting": "",
            "regie": "zelf", "onderbouwing": "Ouders hebben een sterk netwerk.", **changes}
