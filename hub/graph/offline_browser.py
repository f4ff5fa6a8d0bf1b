"""Neo4j Browser on a closed intranet: the fetched Browser jar made to call no outside host.

Browser 5.24 has a switch for it, `browser.allow_outgoing_connections`, but Neo4j 5.26 no
longer declares that setting, and Browser ignores it on Community edition anyway
(`shouldAllowOutgoingConnections` is true whenever the edition is not Enterprise): connected
to the hub's Neo4j it loads cdn.segment.com and canny.io, sends Sentry performance traces
(sampled, whatever the crash-report setting says), and its style sheet imports
fonts.googleapis.com. So once, when the jars are fetched, the bundle is rewritten: the switch
answers false, as the setting would, Sentry is never set up, and the web-font import is cut
(Browser then draws with the machine's own fonts). tests/test_neo4j_browser.py watches a
signed-in Browser for any request to another host.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

# Bump when what `strip_outside_calls` does changes: the next start fetches and strips again.
VERSION = "3"
_REWRITES = (
    (re.compile(rb"@import url\((?:https?:)?//fonts\.googleapis\.com/[^)]*\);?"), b""),
    (re.compile(rb"(shouldAllowOutgoingConnections=)(\w+)=>[^,;]*?getAllowOutgoingConnections"
                rb"\(\2\)"), rb"\1\2=>!1"),
    # Sentry's tracing sends performance samples whatever the crash-report setting says.
    (re.compile(rb"\b\w+\.setupSentry\(\),"), b""),
    (re.compile(rb"allowOutgoingConnections:![\w$.]+\(\w+\[\"browser\.allow_outgoing_connections"
                rb"\"\]\)"), b"allowOutgoingConnections:!1"),
)
_TEXT = (".js", ".css", ".html")


def strip_outside_calls(lib_dir: Path) -> int:
    """Rewrite every Neo4j Browser jar in `lib_dir` as above; how many places were changed."""
    cut = 0
    for jar in sorted(lib_dir.glob("neo4j-browser-*.jar")):
        partial = jar.with_name(jar.name + ".partial")
        with zipfile.ZipFile(jar) as src, zipfile.ZipFile(partial, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename.endswith(_TEXT):
                    for pattern, replacement in _REWRITES:
                        data, found = pattern.subn(replacement, data)
                        cut += found
                dst.writestr(info, data)
        os.replace(partial, jar)
    return cut
