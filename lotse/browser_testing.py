"""Pytest fixtures for browser tests (Playwright with Debian's Chromium). Filled in below."""
