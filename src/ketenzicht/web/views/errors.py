"""Error handlers for the whole site, so unknown URLs get the same page as hidden objects."""

from ..responses import forbidden as handler403
from ..responses import not_found as handler404

__all__ = ["handler403", "handler404"]
