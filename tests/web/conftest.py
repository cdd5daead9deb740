# SPDX-License-Identifier: MPL-2.0
"""The seed catalog in the test database, and the demo users."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from gevinst.web import demo


@pytest.fixture
def seeded(db: None) -> None:
    demo.prepare()


@pytest.fixture
def login(seeded: None) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        assert client.login(username=username, password=demo.PASSWORD)
        return client

    return client_for
