"""The pages of the web UI that serve every chain app: thin adapters from HTTP to the services of
the other apps. Each chain app's own pages are in its sub-package (``web.signals``,
``web.verwijsindex``)."""
