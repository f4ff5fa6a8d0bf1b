"""Write the demo county (synthetic, deterministic) as the CSV folder a county would import.

    python seeds/generate.py                         # seeds/demo-county, 3000 households
    python seeds/generate.py --households 120000 --out /tmp/big-county

Everything but the households (and their links) is fixed so that the figures F1–F26 of the
county report hold at the report date 2023-06-30 whatever the scale; see docs/model.md for the
definitions, the planted gaps and the planted departure-allowance cases. Names come from a
fixed syllable list and ID numbers use the fictitious region prefix 99: no real person.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hub.files.registry import KINDS
from seeds.county import County
from seeds.demo import build


def write(county: County, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        with (out / kind.file).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([col.header for col in kind.columns])
            for row in county.rows.get(kind.name, []):
                writer.writerow(["" if row.get(c.key) is None else row[c.key]
                                 for c in kind.columns])
    (out / "gaps.json").write_text(json.dumps(county.gaps, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成示例县 / write the demo county")
    parser.add_argument("--households", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "demo-county")
    args = parser.parse_args(argv)
    county = County(args.households)
    build(county)
    write(county, args.out)
    total = sum(len(rows) for rows in county.rows.values())
    print(f"{args.out}: {total} 行 / rows in {len(KINDS)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
