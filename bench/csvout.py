"""The synthetic rows as `neo4j-admin database import` CSV files (header on the first line).

One global ID space: every node's ID is its `code`, which docs/model.md makes unique across
the whole graph, so the import itself refuses a duplicate code.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from bench import synth

NODE_FILES: dict[str, list[str]] = {
    "units": ["code:ID", "name", "kind", ":LABEL"],
    "orgs": ["code:ID", "name", "kind", "foundedOn:date", ":LABEL"],
    "households": ["code:ID", "head", "size:int", "address", ":LABEL"],
    "members": ["code:ID", "name", "gender", "birthDate:date", "fullMember:boolean",
                "joinedOn:date", ":LABEL"],
    "workers": ["code:ID", "name", "type", "partyMember:boolean", ":LABEL"],
    "enterprises": ["code:ID", "name", "industry", "size:int", ":LABEL"],
    "instructors": ["code:ID", "name", ":LABEL"],
}
REL_FILES: dict[str, list[str]] = {
    "rels": [":START_ID", ":END_ID", ":TYPE", "since:date"],
    "covers": [":START_ID", ":END_ID", ":TYPE", "since:date", "mode"],
}


def _b(flag: Any) -> str:
    return "true" if flag else "false"


@dataclass
class CsvSet:
    """Open writers for every file; `counts` tallies nodes and relationships written."""

    folder: Path
    _files: dict[str, IO[str]] = field(default_factory=dict)
    _writers: dict[str, Any] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0

    def __enter__(self) -> CsvSet:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, header in {**NODE_FILES, **REL_FILES}.items():
            fh = (self.folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self._files[name] = fh
            self._writers[name] = csv.writer(fh)
            self._writers[name].writerow(header)
        return self

    def __exit__(self, *exc: object) -> None:
        for fh in self._files.values():
            fh.close()

    def node(self, kind: str, rows: Iterable[list[Any]]) -> None:
        for row in rows:
            self._writers[kind].writerow(row)
            self.nodes += 1

    def rel(self, rows: Iterable[tuple[str, str, str, Any]]) -> None:
        for row in rows:
            self._writers["rels"].writerow(row)
            self.relationships += 1

    def covers(self, rows: Iterable[synth.Row]) -> None:
        for r in rows:
            self._writers["covers"].writerow([r["org"], r["enterprise"], "COVERS", r["since"],
                                              r["mode"]])
            self.relationships += 1

    def args(self) -> list[str]:
        return ([f"--nodes={self.folder / f'{n}.csv'}" for n in NODE_FILES]
                + [f"--relationships={self.folder / f'{r}.csv'}" for r in REL_FILES])


def _orgs(out: CsvSet, orgs: list[synth.Row]) -> None:
    out.node("orgs", ([o["code"], o["name"], o["kind"], o["foundedOn"], "Record;Unit;PartyOrg"]
                      for o in orgs))
    out.rel((o["code"], o["in"], "IN", o["since"]) for o in orgs)
    out.rel((o["code"], o["under"], "UNDER", o["since"]) for o in orgs if o["under"])


def write_top(out: CsvSet, scale: synth.Scale) -> None:
    _, orgs, departments = synth.top(scale)
    out.node("units", [[scale.top_code, scale.top_name, "", "Record;Unit;County"]])
    out.node("units", ([d["code"], d["name"], d["kind"], "Record;Unit;Department"]
                       for d in departments))
    out.rel((d["code"], d["parent"], "IN", d["since"]) for d in departments)
    _orgs(out, orgs)


def write_township(out: CsvSet, t: synth.Township) -> None:
    out.node("units", ([u["code"], u["name"], "", f"Record;Unit;{u['label']}"]
                       for u in t.units))
    out.rel((u["code"], u["parent"], "IN", u["since"]) for u in t.units)
    _orgs(out, t.orgs)
    out.node("households", ([h["code"], h["head"], h["size"], h["address"], "Record;Household"]
                            for h in t.households))
    out.rel((h["code"], h["in"], "IN", h["since"]) for h in t.households)
    out.node("members", ([m["code"], m["name"], m["gender"], m["birthDate"],
                          _b(m["fullMember"]), m["joinedOn"], "Record;Member"]
                         for m in t.members))
    out.rel((m["code"], m["org"], "MEMBER_OF", m["since"]) for m in t.members)
    out.rel((m["code"], h, "LINKS", m["since"]) for m in t.members for h in m["links"])
    out.node("workers", ([w["code"], w["name"], w["type"], _b(w["partyMember"]),
                          "Record;GridWorker"] for w in t.workers))
    out.rel((w["code"], w["grid"], "SERVES", w["since"]) for w in t.workers)
    out.node("enterprises", ([e["code"], e["name"], e["industry"], e["size"],
                              "Record;Unit;Enterprise"] for e in t.enterprises))
    out.rel((e["code"], e["in"], "IN", e["since"]) for e in t.enterprises)
    out.covers(t.covers)
    out.node("instructors", ([i["code"], i["name"], "Record;Instructor"]
                             for i in t.instructors))
    out.rel((i["code"], i["department"], "SENT_BY", i["since"]) for i in t.instructors)
    out.rel((i["code"], e, "GUIDES", i["since"]) for i in t.instructors
            for e in i["enterprises"])
