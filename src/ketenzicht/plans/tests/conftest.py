"""The Emmen demo (a few generated households) as the stage for case tests; the helpers are the
demo stage's (``demo/tests/stage.py``), offered here to the tests that import them from this module."""

import pytest

from ketenzicht.demo.tests.stage import AMSTERDAM, DAAN, WEDNESDAY, acting, de_vries, load_emmen, professional


@pytest.fixture
def emmen(db, settings):
    load_emmen(settings)


__all__ = ["AMSTERDAM", "DAAN", "WEDNESDAY", "acting", "de_vries", "emmen", "professional"]
