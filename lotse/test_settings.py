"""Settings for the test suite: the real settings with faster hashing and no static build."""

import os

os.environ.setdefault("LOTSE_STATIC_MANIFEST", "0")
os.environ.setdefault("LOTSE_STATIC_FROM_FINDERS", "1")

from lotse.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns otherwise)
