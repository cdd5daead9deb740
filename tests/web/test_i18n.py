# SPDX-License-Identifier: MPL-2.0
"""The interface in Danish by default and in English on request (the browser's
Accept-Language or the language switch, kept in the cookie); the committed English catalogue
is complete and is what its .po compiles to."""

from __future__ import annotations

import gettext
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client

import gevinst.web

CATALOG = "/katalog/kk-budget-2025/"
BC01 = CATALOG + "forslag/BC01/"
WEB = Path(gevinst.web.__file__).parent
MESSAGES = WEB / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")

Login = Callable[[str], Client]

# interface words of the login page and BC01's page, in each language
LOGIN_DA = ("Log ind", "Brugernavn", "Adgangskode", "Gå til indhold")
LOGIN_EN = ("Sign in", "User name", "Password", "Skip to content")
PAGE_DA = ("Ret forslaget", ">Historik<", "Hent:", "Hvad nu hvis?", "Log ud", "Søg i forslagene")
PAGE_EN = ("Edit the proposal", ">History<", "Download:", "What if?", "Sign out", "Search the")


def _english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_login_page_is_danish_by_default(db: None) -> None:
    html = Client().get("/login/").content.decode()
    assert '<html lang="da">' in html
    assert all(word in html for word in LOGIN_DA)
    assert not any(word in html for word in LOGIN_EN)


def test_the_login_page_is_english_for_a_browser_asking_for_english(db: None) -> None:
    html = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get("/login/").content.decode()
    assert '<html lang="en">' in html
    assert all(word in html for word in LOGIN_EN)
    assert not any(word in html for word in LOGIN_DA)


def test_bc01_is_danish_by_default(login: Login) -> None:
    html = login("editor-okf").get(BC01).content.decode()
    assert '<html lang="da">' in html
    assert all(word in html for word in PAGE_DA)
    assert not any(word in html for word in PAGE_EN)


def test_bc01_in_english_has_an_english_interface_and_its_danish_content(login: Login) -> None:
    html = _english(login("editor-okf")).get(BC01).content.decode()
    assert '<html lang="en">' in html
    assert all(word in html for word in PAGE_EN)
    assert not any(word in html for word in PAGE_DA)
    # the findings' heading is the interface's, the proposal's own text stays as written
    assert "Findings (" in html and "Fund (" not in html
    assert "Tabel 1" in html


def test_the_catalogue_in_english_names_its_columns_and_filters_in_english(login: Login) -> None:
    html = _english(login("reader")).get(CATALOG).content.decode()
    for word in ("Presenting administration", "Sort by", "Largest permanent effect", "Errors"):
        assert word in html
    for word in ("Fremstillende forvaltning", "Sortér efter", "Største varige effekt"):
        assert word not in html


def test_the_switch_sets_the_language_and_returns_to_the_page(login: Login) -> None:
    client = login("reader")
    response = client.post("/i18n/setlang/", {"language": "en", "next": BC01})
    assert response.status_code == 302 and response["Location"] == BC01
    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and cookie["max-age"] == 365 * 24 * 60 * 60  # kept a year
    assert cookie["httponly"]
    assert ">History<" in client.get(BC01).content.decode()
    client.post("/i18n/setlang/", {"language": "da", "next": BC01})
    assert ">Historik<" in client.get(BC01).content.decode()


def test_the_switch_works_before_signing_in(db: None) -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert "Sign in" in client.get("/login/").content.decode()


def test_the_switch_never_sends_the_user_to_another_site(db: None) -> None:
    response = Client().post("/i18n/setlang/", {"language": "en", "next": "https://evil.test/"})
    assert response.status_code == 302 and "evil.test" not in response["Location"]


def test_every_page_offers_the_switch_with_the_language_in_use_marked(login: Login) -> None:
    html = login("reader").get(CATALOG).content.decode()
    assert (
        'action="/i18n/setlang/"' in html and 'name="next" value="/katalog/kk-budget-2025/"' in html
    )
    assert 'value="da" lang="da" class="link" aria-current="true">Dansk</button>' in html
    assert 'value="en" lang="en" class="link">English</button>' in html


def _entries() -> list[tuple[object, str | None, object, set[str]]]:
    with (MESSAGES / "django.po").open("rb") as f:
        catalog = read_po(f)
    return [(m.id, m.context, m.string, m.flags) for m in catalog if m.id]


def test_every_msgid_has_an_english_translation_and_none_is_fuzzy() -> None:
    entries = _entries()
    assert len(entries) > 200
    for msgid, _context, string, flags in entries:
        assert "fuzzy" not in flags, msgid
        strings = string if isinstance(string, tuple) else (string,)
        assert strings and all(s.strip() for s in strings), msgid


def test_each_translation_keeps_the_placeholders_of_its_msgid() -> None:
    for msgid, _context, string, _flags in _entries():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = string if isinstance(string, tuple) else (string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, (msgid, s)


def _messages(mo: bytes) -> dict[object, str]:
    found = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in found.items() if key != ""}  # "" is the header


def test_the_committed_mo_is_the_po_compiled() -> None:
    with (MESSAGES / "django.po").open("rb") as f:
        catalog = read_po(f)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    committed = _messages((MESSAGES / "django.mo").read_bytes())
    assert committed == _messages(compiled.getvalue())
    assert committed["Log ind"] == "Sign in"


@pytest.mark.parametrize("word", ["catalog ", "catalogs", "Catalog "])
def test_the_english_says_catalogue_throughout(word: str) -> None:
    for msgid, _context, string, _flags in _entries():
        strings = string if isinstance(string, tuple) else (string,)
        assert all(word not in s for s in strings), msgid


def _ids(po: Path) -> set[tuple[object, str | None]]:
    with po.open("rb") as f:
        return {(m.id, m.context) for m in read_po(f) if m.id}


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed")
def test_the_po_holds_every_text_of_the_interface_and_no_other(tmp_path: Path) -> None:
    """makemessages run on a copy of the web application finds the committed msgids."""
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete"]
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True, timeout=120)
    found = _ids(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert found == _ids(MESSAGES / "django.po")
