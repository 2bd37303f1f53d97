"""WSGI entry point for production servers (``ketenzicht.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.production")
application = get_wsgi_application()
