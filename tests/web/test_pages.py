# SPDX-License-Identifier: MPL-2.0
"""The pages show the seed's figures as the core derives them, to those allowed to see
them; errors are pages, never tracebacks."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

CATALOG = "/katalog/kk-budget-2025/"
BC01 = CATALOG + "forslag/BC01/"

Login = Callable[[str], Client]


@pytest.mark.parametrize("address", ["/", CATALOG, BC01])
def test_an_anonymous_visitor_is_sent_to_login(seeded: None, address: str) -> None:
    response = Client().get(address)
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


def test_login_page_is_danish(db: None) -> None:
    html = Client().get("/login/").content.decode()
    assert '<html lang="da">' in html and "Adgangskode" in html


def test_a_wrong_password_is_refused(seeded: None) -> None:
    response = Client().post("/login/", {"username": "reader", "password": "forkert"})
    assert response.status_code == 200 and "passer ikke sammen" in response.content.decode()


def test_the_front_page_opens_the_only_catalog(login: Login) -> None:
    response = login("reader").get("/")
    assert response.status_code == 302 and response["Location"] == CATALOG


def test_the_catalog_lists_every_proposal_with_its_findings(login: Login) -> None:
    html = login("reader").get(CATALOG).content.decode()
    for ident in ("BC01", "BC02", "F1", "F2", "F7"):
        assert f'href="{CATALOG}forslag/{ident}/"' in html
    assert "Fortrolig" in html  # F1


def test_bc01_shows_tabel_1_as_the_core_derives_it(login: Login) -> None:
    html = login("reader").get(BC01).content.decode()
    assert "Samlet varig ændring, service" in html
    # 2026 and 2027 of "Samlet varig ændring": the seed states 1.144 for 2027; derived -1.474
    assert ">-1.144<" in html and ">-1.474<" in html
    assert "4 år (2028)" in html


def test_an_unknown_proposal_is_a_danish_404(login: Login) -> None:
    response = login("reader").get(CATALOG + "forslag/F99/")
    assert response.status_code == 404
    assert "forslaget 'F99' findes ikke i kataloget" in unescape(response.content.decode())


def test_an_unknown_catalog_is_a_404(login: Login) -> None:
    response = login("reader").get("/katalog/findes-ikke/")
    assert response.status_code == 404
    assert "kataloget 'findes-ikke' findes ikke" in unescape(response.content.decode())


def _listed(client: Client, query: str = "") -> list[str]:
    response = client.get(CATALOG + query)
    return [row.proposal.id for row in response.context["proposals"]]


def test_the_overview_filters_and_sorts_the_proposals(login: Login) -> None:
    reader = login("reader")
    assert _listed(reader) == ["BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    assert _listed(reader, "?forvaltning=SOF") == ["F2", "F3"]
    assert _listed(reader, "?type=effektivisering") == ["F6", "F7"]
    # F4's effect falls on TMU and ØU alone, F2's and F3's on Socialudvalget among others
    on_su = _listed(reader, "?udvalg=SU")
    assert {"F2", "F3"} <= set(on_su) and "F4" not in on_su
    assert _listed(reader, "?udvalg=TMU&forvaltning=TMF") == ["F4"]
    by_errors = reader.get(CATALOG + "?sorter=fejl").context["proposals"]
    assert [r.errors for r in by_errors] == sorted((r.errors for r in by_errors), reverse=True)


def test_the_overview_draws_the_effect_per_year(login: Login) -> None:
    html = login("reader").get(CATALOG).content.decode()
    assert '<figure class="chart"' in html and "<svg" in html and "<?xml" not in html


def test_the_demo_keeps_its_data_to_its_user(tmp_path: Path) -> None:
    """A new data directory, its secret key and database, readable by the user alone."""
    data = tmp_path / "gevinst"
    script = "import gevinst.web.settings as s; print(s.SECRET_KEY)"
    env = {**os.environ, "GEVINST_DATA_DIR": str(data)}
    env.pop("GEVINST_SECRET_KEY", None)
    env.pop("DATABASE_URL", None)
    key = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert len(key) >= 50 and (data / "secret-key").read_text(encoding="utf-8").strip() == key
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "secret-key").stat().st_mode) == 0o600


def test_the_admin_sets_a_users_role_and_only_shows_the_record(login: Login) -> None:
    """Production has no demo users: roles are set in Django's admin, where the audit log and
    the versions can be read but not changed."""
    admin = login("cfo")
    get_user_model().objects.filter(username="cfo").update(is_staff=True, is_superuser=True)
    user = get_user_model().objects.get(username="reader")
    page = admin.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert 'name="membership-0-role"' in page and 'name="membership-0-administration"' in page
    assert admin.get("/admin/gevinst/auditevent/").status_code == 200
    assert admin.get("/admin/gevinst/auditevent/add/").status_code == 403
    assert admin.get("/admin/gevinst/version/add/").status_code == 403
    assert login("reader").get("/admin/").status_code == 302  # not staff: sent to sign in


def test_each_finding_links_to_the_table_it_concerns(login: Login) -> None:
    """F2's Tabel B disagrees with the lines it states: each such finding points at Tabel B
    on the page, which carries that id; Tabel 1's findings at Tabel 1."""
    html = login("reader").get(CATALOG + "forslag/F2/").content.decode()
    assert 'href="#tabel-B"' in html and 'id="tabel-B"' in html
    assert 'href="#tabel-1"' in html and 'id="tabel-1"' in html


def test_the_page_explains_the_basis_with_the_source_of_every_figure(login: Login) -> None:
    """BC01's third line as `gevinst basis` explains it: the model, the shared annual hour
    norm with its source, and the basis against the line's amounts."""
    html = unescape(login("reader").get(CATALOG + "forslag/BC01/").content.decode())
    assert "Beregningsgrundlag" in html and "Tidsbesparelse (time_saving), besparelse" in html
    assert "fælles antagelse aarstimenorm (årstimenorm)" in html and "kilde:" in html
    assert "Grundlaget giver linjens beløb." in html


def test_a_panels_request_after_the_session_ran_out_redirects_the_whole_page(
    seeded: None,
) -> None:
    """htmx would swap the sign-in form into the editor's panel; the whole page goes to
    sign in instead, and comes back to the page it was on."""
    response = Client().post(
        CATALOG + "forslag/BC01/rediger/beregn/",
        {},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{BC01}rediger/"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/login/?next={BC01}rediger/"
    # without htmx, the usual redirect
    plain = Client().get(BC01)
    assert plain.status_code == 302 and plain["Location"] == f"/login/?next={BC01}"
