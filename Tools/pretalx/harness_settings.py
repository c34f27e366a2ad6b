"""Django settings for the test pretalx that start.sh serves.

pretalx reads its own settings from the pretalx.cfg that start.sh writes (PRETALX_CONFIG_FILE).
Only what a .cfg cannot say is changed here:
- with debug off, pretalx would send mail over SMTP to the host in [mail], so every mail goes to
  Django's dummy backend instead (nothing leaves the machine, nothing is printed);
- pretalx expects `collectstatic` to have built a manifest of its static files, and without one
  every HTML page fails with a 500, the 404 page of an unknown URL under /api/ included. The plain
  storage needs no manifest, and WhiteNoise serves the files straight from the installed packages.
"""

from pathlib import Path

import pretalx
from pretalx.settings import *  # noqa: F401,F403  (pretalx's settings, read from pretalx.cfg)
from pretalx.settings import STORAGES

EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# pretalx looks for its own static folder under [filesystem] base, which is DIR here.
STATICFILES_DIRS = [Path(pretalx.__file__).parent / "static"]
