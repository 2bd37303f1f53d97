"""How Ketenzicht runs: the application server, the one job runner, and the request context.

Ground level, like ``audit``: it imports no domain app. Apps declare their periodic jobs here
(``runtime.jobs``); the faces and the audit trail read the request context (``runtime.context``).
"""
