"""Configuration: defaults < ``[tool.qa]`` in the nearest pyproject.toml < ``--config FILE``
< command-line flags.

Keys are written in kebab-case (``fail-on``); snake_case is accepted too. The keys, their
kinds of value, defaults and flags are the table :data:`qa.options.OPTIONS`. An unknown
key or a value of the wrong type is a :class:`ConfigError` naming the key and the file.
Relative paths (termbases, lexicon) are resolved against the directory of the file that
sets them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from qa.errors import ConfigError
from qa.options import BY_KEY, OPTIONS, default


@dataclass(frozen=True)
class Config:
    """The effective settings of a run: one field per option of :data:`qa.options.OPTIONS`
    (same order; defaults from there). ``origins`` says where each key was set."""

    fail_on: str = default("fail-on")
    severity_policy: str = default("severity-policy")
    min_score: float | None = default("min-score")
    format: str = default("format")
    termbase: tuple[str, ...] = default("termbase")
    baseline: str | None = default("baseline")
    lexicon: str | None = default("lexicon")
    mt: bool = default("mt")
    select: tuple[str, ...] = default("select")
    ignore: tuple[str, ...] = default("ignore")
    language_detector: str = default("language-detector")
    residue_patterns: str | None = default("residue-patterns")
    mt_models: tuple[tuple[str, str], ...] = default("mt-models")  # (("back", DIR), …)
    mt_backend: str = default("mt-backend")
    mt_beam: int = default("mt-beam")
    mt_batch_size: int = default("mt-batch-size")
    mt_cache: str | None = default("mt-cache")  # a file; "off" for none; None: user cache
    require_mt: bool = default("require-mt")
    batch_glob: str = default("batch-glob")  # batch runs over a folder: which files are sources
    chunk_units: int = default("chunk-units")  # batch runs: units per chunk of a big bilingual file
    executor: str = default("executor")  # batch runs: "local" process pool or "ray"
    address: str | None = default("address")  # the Ray cluster; None: one started for the run
    max_input_mb: int = default("max-input-mb")  # larger input files are refused unread
    #: overrides of checks' tuned constants, ``[tool.qa.checks.CODE]``:
    #: ((code, ((ATTRIBUTE, value), …)), …), sorted
    check_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    def overrides(self) -> dict[str, dict[str, Any]]:
        """Check code → {tunable attribute: value} for the checks this run tunes."""
        return {code: dict(values) for code, values in self.check_options}

    def result_settings(self) -> dict[str, Any]:
        """The settings that change findings or the verdict (for the signature)."""
        return {"fail_on": self.fail_on, "severity_policy": self.severity_policy,
                "min_score": self.min_score,
                "termbase": list(self.termbase), "baseline": self.baseline,
                "lexicon": self.lexicon, "mt": self.mt,
                "select": list(self.select), "ignore": list(self.ignore),
                "language_detector": self.language_detector,
                "residue_patterns": self.residue_patterns,
                "mt_models": [list(m) for m in self.mt_models], "mt_backend": self.mt_backend,
                "mt_beam": self.mt_beam, "require_mt": self.require_mt,
                **({"checks": self.overrides()} if self.check_options else {})}


KEYS = frozenset(BY_KEY)


def apply(config: Config, values: Mapping[str, Any], where: str,
          base: Path | None = None) -> Config:
    """Return ``config`` updated with ``values`` (from ``where``), validating every key."""
    updates: dict[str, Any] = {}
    origins = dict(config.origins)
    for raw_key, value in values.items():
        key = raw_key.replace("_", "-")
        if key == "checks":
            updates["check_options"] = _check_options(config.check_options, value, where)
            origins[key] = where
            continue
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        option = BY_KEY[key]
        updates[option.field] = option.check(value, where, base)
        origins[key] = where
    return replace(config, **updates, origins=origins)


def _check_options(current: tuple, table: Any, where: str) -> tuple:
    """``[tool.qa.checks.CODE]`` tables merged over ``current``: each key must name a
    tunable of that check (``z-limit`` for ``Z_LIMIT``) and have its default's type."""
    from qa.checks import ALL_CHECKS

    if not isinstance(table, dict):
        raise ConfigError(f"{where}: 'checks' must be a table of [checks.CODE] tables")
    by_code = {cls.code: cls for cls in ALL_CHECKS}
    merged = {code: dict(values) for code, values in current}
    for code, values in table.items():
        cls = by_code.get(code)
        if cls is None:
            raise ConfigError(f"{where}: [checks.{code}] names no check (see `qa checks`)")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [checks.{code}] must be a table")
        defaults = cls.tunable_defaults()
        for raw_key, value in values.items():
            attribute = raw_key.replace("-", "_").upper()
            if attribute not in defaults:
                known = ", ".join(_tunable_key(a) for a in defaults) or "none"
                raise ConfigError(f"{where}: [checks.{code}] has no setting '{raw_key}' "
                                  f"(tunable: {known})")
            merged.setdefault(code, {})[attribute] = _like(defaults[attribute], value,
                                                           f"{where}: [checks.{code}] '{raw_key}'")
    return tuple(sorted((code, tuple(sorted(values.items()))) for code, values in merged.items()))


def _tunable_key(attribute: str) -> str:
    """The config spelling of a tunable: ``Z_LIMIT`` → ``z-limit``."""
    return attribute.lower().replace("_", "-")


def _like(default: Any, value: Any, what: str) -> Any:
    """``value`` checked against the type of ``default`` (an int is a valid float)."""
    if isinstance(default, bool) or isinstance(value, bool):
        if isinstance(default, bool) and isinstance(value, bool):
            return value
    elif isinstance(default, int) and isinstance(value, int):
        return value
    elif isinstance(default, float) and isinstance(value, (int, float)):
        return float(value)
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise ConfigError(f"{what} must be {type(default).__name__} like its default "
                      f"{default!r}, not {value!r}")


def _read_toml(path: Path) -> dict[str, Any]:
    if path.exists() and not path.is_file():  # a folder; a FIFO would hang, a device never end
        raise ConfigError(f"{path}: is not a regular file; the configuration must be a TOML file")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None


def _tool_qa(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """The ``[tool.qa]`` table of a TOML file, None when it has none; a ``tool`` or
    ``tool.qa`` key of another type (``tool = "oops"``) is one ConfigError line."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.qa]), not {type(tool).__name__}")
    table = tool.get("qa")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qa] must be a table, not {type(table).__name__}")
    return table


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in ``start`` or its parents."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(config_file: str | None = None, flags: Mapping[str, Any] | None = None,
                cwd: Path | None = None) -> Config:
    """Build the effective configuration from all layers."""
    config = Config(origins={k: "default" for k in KEYS})
    pyproject = find_pyproject((cwd or Path.cwd()).resolve())
    if pyproject is not None:
        table = _tool_qa(_read_toml(pyproject), pyproject)
        if table is not None:
            config = apply(config, table, f"{pyproject} [tool.qa]", pyproject.parent)
    if config_file is not None:
        path = Path(config_file)
        data = _read_toml(path)
        table = _tool_qa(data, path) if "tool" in data else data
        config = apply(config, table if table is not None else data, str(path),
                       path.resolve().parent)
    if flags:
        present = {k: v for k, v in flags.items() if v is not None}
        config = apply(config, present, "command line")
    return config


def render_config(config: Config) -> str:
    """The effective configuration as TOML, each key annotated with where it was set."""
    lines = ["[tool.qa]"]
    for option in OPTIONS:
        value = option.kind.show(getattr(config, option.field))
        origin = config.origins.get(option.key, "default")
        if value is None:
            lines.append(f"# {option.key} = (not set)  # {origin}")
        else:
            lines.append(f"{option.key} = {_toml_value(value)}  # {origin}")
    for code, values in config.check_options:
        lines.append(f"\n[tool.qa.checks.{code}]  # {config.origins.get('checks', 'default')}")
        lines.extend(f"{_tunable_key(a)} = {_toml_value(v)}" for a, v in values)
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
