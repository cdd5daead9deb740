# SPDX-License-Identifier: MPL-2.0
"""The WSGI application, for a production server (gunicorn, mod_wsgi, ...)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gevinst.web.settings")
application = get_wsgi_application()
