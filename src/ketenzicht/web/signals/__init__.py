"""Signals in the web UI (issue 4): the signaller's pages (``views``, ``forms``), the desks'
Postvak (``desk``, ``desk_forms``), Signalen in cijfers (``figures``) and the signal flow's items
on the worklist (``worklist``). The rules themselves live in ``ketenzicht.signals``.
"""
