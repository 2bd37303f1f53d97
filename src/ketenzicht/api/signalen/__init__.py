"""Signals (zorgsignalen) for organisations' systems: routing advice, recording a signal, and the
signaller's view of it with the feedback received (issue 4)."""
