"""The check reference (`qa checks`), generated from the registry — never written by hand."""

from __future__ import annotations

import json

from qa.checks import ALL_CHECKS
from qa.checks.base import strip_marks


def _rows():
    for cls in ALL_CHECKS:
        yield {"code": cls.code, "name": cls.name, "category": cls.category.value,
               "severity": cls.severity.value, "summary": cls.summary,
               "description": " ".join((cls.__doc__ or "").split()),
               "tunables": {_config_key(a): v for a, v in cls.tunable_defaults().items()}}


def _config_key(attribute: str) -> str:
    return attribute.lower().replace("_", "-")


def render_reference(fmt: str = "text") -> str:
    rows = list(_rows())
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        out = ["| code | name | category | severity | summary |", "|---|---|---|---|---|"]
        out += [f"| {r['code']} | `{r['name']}` | {r['category']} | {r['severity']} | "
                f"{r['summary']} |" for r in rows]
        for cls in ALL_CHECKS:
            out.append(f"\n### {cls.code} `{cls.name}`\n\n{' '.join((cls.__doc__ or '').split())}\n")
            if cls.tunables:
                settings = ", ".join(f"`{_config_key(a)} = {v!r}`"
                                     for a, v in cls.tunable_defaults().items())
                out.append(f"Settings under `[tool.qa.checks.{cls.code}]`: {settings}\n")
            for ex in cls.examples:
                label = "flags" if ex.flagged else "passes"
                marked = ex.source if strip_marks(ex.source)[1] else ex.target
                out.append(f"- {label}: {marked!s}".replace("\n", " "))
        return "\n".join(out) + "\n"
    width = max(len(r["name"]) for r in rows)
    lines = [f"{'code':<6} {'name':<{width}} {'category':<14} {'severity':<9} summary"]
    for r in rows:
        lines.append(f"{r['code']:<6} {r['name']:<{width}} {r['category']:<14} "
                     f"{r['severity']:<9} {r['summary']}")
    lines.append("\nSeverities are as the checks declare them. At the default gate a finding class "
                 "keeps it only with >= 90 % judged precision on professional translations, "
                 "else it is minor (see docs/accuracy.md; --severity-policy declared turns "
                 "this off).")
    lines.append("\nTuned constants a run may override under [tool.qa.checks.CODE]:")
    for r in rows:
        if r["tunables"]:
            lines.append(f"  {r['code']}: " + ", ".join(f"{k} = {v!r}" for k, v in r["tunables"].items()))
    return "\n".join(lines) + "\n"
