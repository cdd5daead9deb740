# SPDX-License-Identifier: MPL-2.0
"""A page's form as a browser would send it: every named input, select and textarea of the
form with the given id, checkboxes only where ticked, buttons left out (the test names the
operation it presses)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

Data = dict[str, str | list[str]]


class _Form(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: Data = {}
        self._select: str | None = None
        self._first_option: str | None = None
        self._chosen = False
        self._textarea: str | None = None
        self._text = ""

    def _add(self, name: str, value: str) -> None:
        present = self.data.get(name)
        if present is None:
            self.data[name] = value
        else:
            self.data[name] = [*([present] if isinstance(present, str) else present), value]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in {"submit", "button"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self._add(a["name"], a.get("value", ""))
        elif tag == "select":
            self._select, self._first_option, self._chosen = a.get("name"), None, False
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
            if "selected" in a and not self._chosen:
                self._chosen = True
                self._add(self._select, a.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            if not self._chosen:
                self._add(self._select, self._first_option or "")
            self._select = None
        elif tag == "textarea" and self._textarea:
            # a browser drops the newline that follows <textarea>
            self._add(self._textarea, self._text.removeprefix("\n"))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text += data


def form_data(html: str, form_id: str = "editor") -> dict[str, Any]:
    """The fields as a test changes and posts them: a value, or a list of ticked boxes."""
    parser = _Form(form_id)
    parser.feed(html)
    return parser.data


def opened(client: Any, address: str) -> dict[str, Any]:
    """The editor's form at ``address`` as the page gives it to ``client``."""
    response = client.get(address)
    assert response.status_code == 200
    return form_data(response.content.decode())
