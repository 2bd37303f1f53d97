"""The verwijsindex over the API: registrations (meldingen), their lifetime, and matches.

``serializers`` gives the JSON shapes, ``refusals`` turns the domain's refusals into problems,
``views`` the endpoints and ``bulk`` the nightly synchronisation. The rules themselves live in
``ketenzicht.verwijsindex``.
"""
