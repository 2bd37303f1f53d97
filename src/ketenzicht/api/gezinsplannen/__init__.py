"""The household plan (gezinsplan) for a plan member's own system (issue 9, point 9)."""
