"""``/api/v1/aanmeldingen``: a team's own system records a family's own application."""
