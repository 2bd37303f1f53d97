import pytest

from ketenzicht.demo.loader import DemoSummary, load_demo


@pytest.fixture
def demo(db) -> DemoSummary:
    """The demo with a small generated population, so tests stay fast."""
    return load_demo(households=20)
