"""The IDE works on a closed intranet: the page and every asset it loads come from the hub,
and none of them fetches from another host."""

from __future__ import annotations

import re

import httpx

from hub.core.settings import PROJECT_ROOT

ASSET = re.compile(r"""(?:src|href)="([^"]+)\"""")
URL = re.compile(r"https?://[^\s\"'`)]+")
# URLs that appear in the vendored bundles as text (licence notes, XML namespaces, links in
# error messages), never fetched while the page loads.
INERT = ("http://www.w3.org/", "https://github.com/", "https://reactjs.org/docs/error-decoder",
         "https://en.wikipedia.org/", "https://commonmark.org/", "https://codemirror.net/")
ANONYMOUS = {"Authorization": ""}


async def test_the_ide_page_loads_only_the_hubs_own_assets(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={**ANONYMOUS, "Accept": "text/html"})
    assert page.status_code == 200
    assert "unpkg" not in page.text and URL.search(page.text) is None
    assets = ASSET.findall(page.text)
    assert len(assets) == 6 and all(a.startswith("/static/graphiql/") for a in assets)
    for asset in assets:
        response = await client.get(asset, headers=ANONYMOUS)
        assert response.status_code == 200, asset
        external = [u for u in URL.findall(response.text) if not u.startswith(INERT)]
        assert external == [], (asset, external[:5])


async def test_the_ide_opens_with_the_first_query(client: httpx.AsyncClient) -> None:
    page = (await client.get("/graphql", headers={**ANONYMOUS, "Accept": "text/html"})).text
    first = (PROJECT_ROOT / "docs" / "first-query.graphql").read_text("utf-8")
    assert "query FirstQuery" in first and "query FirstQuery" in page


def test_the_vendored_bundles_keep_their_licences() -> None:
    folder = PROJECT_ROOT / "hub" / "http" / "static" / "graphiql"
    for name in ("graphiql", "react", "react-dom"):
        assert "MIT License" in (folder / f"LICENSE.{name}").read_text("utf-8")


async def test_the_ide_page_sends_security_headers(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={**ANONYMOUS, "Accept": "text/html"})
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self';" in csp
    assert "frame-ancestors 'none'" in csp and "connect-src 'self'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    # The token stays in the tab unless the user ticks "remember".
    script = (await client.get("/static/graphiql/ide.js", headers=ANONYMOUS)).text
    assert "window.sessionStorage" in script and 'id="remember"' in page.text
