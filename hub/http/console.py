"""The web console at `/`: county and township staff read coverage, gaps, the report, work
orders and the four-level chain in a browser.

The page and its scripts hold no data and are open like the IDE's shell; every figure comes
from the hub's own `/graphql` with the token the person pastes, so the API's jurisdiction
checks decide what a role sees. All assets are the hub's (`hub/http/static/console/`): the hub runs
on a closed intranet, and the page's Content-Security-Policy lets it talk to the hub only.

The red/amber/green thresholds are configuration (`config/console.toml`, or the file named by
HUB_CONSOLE_CONFIG), read once when the routes are built and written into the page.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from hub.core.errors import ConfigError
from hub.core.settings import Settings
from hub.query.coverage import Dimension

PAGE = Path(__file__).resolve().parent / "static" / "console" / "index.html"

# Only the hub: scripts and styles from its own files (no inline code), data from its own
# API, downloads built as blobs in the page. Nothing may frame it or be posted elsewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


@dataclass(frozen=True)
class Band:
    """A ratio at or above `green` is green, at or above `amber` amber, below that red."""

    green: float
    amber: float


@dataclass(frozen=True)
class Thresholds:
    default: Band
    dimensions: dict[str, Band]

    @staticmethod
    def _band(raw: object, where: str) -> Band:
        if not isinstance(raw, dict):
            raise ValueError(f"[{where}] must be a table with green and amber")
        band = Band(green=float(raw["green"]), amber=float(raw["amber"]))
        if not 0.0 <= band.amber <= band.green <= 1.0:
            raise ValueError(f"[{where}] needs 0 <= amber <= green <= 1")
        return band

    @classmethod
    def load(cls, path: Path) -> Thresholds:
        known = {d.value for d in Dimension}
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            default = cls._band(raw["default"], "default")
            dims = raw.get("dimensions", {})
            unknown = sorted(set(dims) - known)
            if unknown:
                raise ValueError(f"unknown dimensions {unknown}; known: {sorted(known)}")
            bands = {k: cls._band(v, f"dimensions.{k}") for k, v in dims.items()}
        except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(path=path, reason=f"{type(exc).__name__}: {exc}") from exc
        return cls(default=default, dimensions=bands)

    def band(self, dimension: Dimension) -> Band:
        return self.dimensions.get(dimension.value, self.default)

    def as_json(self) -> str:
        """Every dimension's band under its GraphQL enum name, as the page reads them."""
        bands = {d.name: vars(self.band(d)) for d in Dimension}
        return json.dumps(bands, sort_keys=True)


def render(thresholds: Thresholds) -> str:
    # JSON inside <script type="application/json">: only "<" could end the element early.
    return PAGE.read_text(encoding="utf-8").replace(
        "{{THRESHOLDS}}", thresholds.as_json().replace("<", "\\u003c"))


def console_routes(settings: Settings) -> list[BaseRoute]:
    """`GET /`: the console's one page (its scripts are under `/static/console/`)."""
    page = render(Thresholds.load(settings.console_config))

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(page, headers=HEADERS)

    return [Route("/", index, methods=["GET"])]
