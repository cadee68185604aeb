"""Lotse — case and network platform for KAUSA service points."""
