"""Settings for the test suite: the real settings with faster hashing and no static build."""

import os

os.environ.setdefault("LOTSE_STATIC_MANIFEST", "0")
os.environ.setdefault("LOTSE_STATIC_FROM_FINDERS", "1")

from lotse.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns otherwise)

if DATABASES["default"]["ENGINE"] == "lotse.core.db":  # noqa: F405
    # A file, as in production (WAL, IMMEDIATE transactions): an in-memory test
    # database (shared cache) cannot show how concurrent writers are serialised.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-lotse.sqlite3")}  # noqa: F405
