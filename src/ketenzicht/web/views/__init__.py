"""The pages of the web UI: thin adapters from HTTP to the services of the other apps."""
