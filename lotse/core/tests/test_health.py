from unittest import mock

from django.db import OperationalError


def test_it_answers_200_with_the_database(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_it_answers_503_without_the_database(client, db):
    with mock.patch("lotse.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
