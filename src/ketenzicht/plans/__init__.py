"""Duiden: the team's cases and caseload, intake, risk assessment, MDO, one household plan.

A chain app above ``signals`` and ``verwijsindex``: what arrives at a team there (a route
accepted, a match taken up) or directly (a family's own application) becomes the team's case of
the household, held by one named professional from the moment it opens (domain.md §4).
"""
