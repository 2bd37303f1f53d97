"""``/api/v1/clienten``: adult care makes a person its client (the basis the kindcheck needs)."""
