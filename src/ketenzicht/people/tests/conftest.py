import pytest

from . import brp_stub


@pytest.fixture
def brp():
    """A Haal Centraal BRP stub server on a random local port; see ``brp_stub``."""
    server, stub = brp_stub.start()
    yield stub
    server.shutdown()
    server.server_close()
