import pytest
from django.test import Client


def english_client() -> Client:
    """Pages in English: the assertions read the message ids, true also once translated."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
