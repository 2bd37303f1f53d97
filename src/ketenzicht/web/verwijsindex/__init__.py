"""The verwijsindex in the web UI (issue 3): registering, Mijn verwijsindex, the match and regie
pages (``views``, ``forms``), Verwijsindex in cijfers (``figures``) and the verwijsindex's items
on the worklist (``worklist``). The rules themselves live in ``ketenzicht.verwijsindex``.
"""
