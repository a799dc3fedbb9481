"""Configuration: defaults < ``[tool.qa]`` in the nearest pyproject.toml < ``--config FILE``
< command-line flags.

Keys are written in kebab-case (``fail-on``); snake_case is accepted too. An unknown key
or a value of the wrong type is a :class:`ConfigError` naming the key and the file.
Relative paths (termbases, lexicon) are resolved against the directory of the file that
sets them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from qa.errors import ConfigError

FAIL_ON_CHOICES = ("critical", "major", "minor", "never")
FORMAT_CHOICES = ("text", "json", "sarif", "junit", "github", "html")
MT_BACKENDS = ("auto", "marian", "ctranslate2")
DETECTOR_CHOICES = ("lingua", "langdetect")


@dataclass(frozen=True)
class Config:
    """The effective settings of a run. ``origins`` says where each key was set."""

    fail_on: str = "major"
    min_score: float | None = None
    format: str = "text"
    termbase: tuple[str, ...] = ()
    lexicon: str | None = None
    mt: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language_detector: str = "lingua"
    residue_patterns: str | None = None
    mt_models: tuple[tuple[str, str], ...] = ()   # (("back", DIR), ("forward", DIR))
    mt_backend: str = "auto"
    mt_beam: int = 2
    mt_batch_size: int = 16
    mt_cache: str | None = None   # a file; "off" for none; default: user cache folder
    require_mt: bool = False
    batch_glob: str = "**/de.*"   # batch runs over a folder: which files are sources
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    def result_settings(self) -> dict[str, Any]:
        """The settings that change findings or the verdict (for the signature)."""
        return {"fail_on": self.fail_on, "min_score": self.min_score,
                "termbase": list(self.termbase), "lexicon": self.lexicon, "mt": self.mt,
                "select": list(self.select), "ignore": list(self.ignore),
                "language_detector": self.language_detector,
                "residue_patterns": self.residue_patterns,
                "mt_models": [list(m) for m in self.mt_models], "mt_backend": self.mt_backend,
                "mt_beam": self.mt_beam, "require_mt": self.require_mt}


KEYS = {f.name.replace("_", "-") for f in fields(Config) if f.name != "origins"}


def _as_str_list(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")


def _coerce(key: str, value: Any, where: str, base: Path | None) -> Any:
    """Validate one value; resolve paths against ``base`` (the config file's folder)."""
    if key == "fail-on":
        if value not in FAIL_ON_CHOICES:
            raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON_CHOICES)}, "
                              f"not {value!r}")
        return value
    if key == "min-score":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ConfigError(f"{where}: 'min-score' must be a number from 0 to 100, not {value!r}")
        return float(value)
    if key == "format":
        if value not in FORMAT_CHOICES:
            raise ConfigError(f"{where}: 'format' must be one of {', '.join(FORMAT_CHOICES)}, "
                              f"not {value!r}")
        return value
    if key == "language-detector":
        if value not in DETECTOR_CHOICES:
            raise ConfigError(f"{where}: 'language-detector' must be one of "
                              f"{', '.join(DETECTOR_CHOICES)}, not {value!r}")
        return value
    if key in {"require-mt"}:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: '{key}' must be true or false, not {value!r}")
        return value
    if key in {"mt-beam", "mt-batch-size"}:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 256:
            raise ConfigError(f"{where}: '{key}' must be a whole number from 1 to 256")
        return value
    if key == "batch-glob":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: 'batch-glob' must be a glob such as \"**/de.*\"")
        return value
    if key == "mt-backend":
        if value not in MT_BACKENDS:
            raise ConfigError(f"{where}: 'mt-backend' must be one of {', '.join(MT_BACKENDS)}")
        return value
    if key == "mt-cache":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: 'mt-cache' must be a file path or \"off\"")
        if value != "off" and base is not None and not Path(value).is_absolute():
            return str(base / value)
        return value
    if key == "mt-models":
        return _mt_models(value, where, base)
    if key == "mt":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: 'mt' must be true or false, not {value!r}")
        return value
    if key in {"termbase", "lexicon", "residue-patterns"}:
        paths = _as_str_list(key, value, where)
        if key == "lexicon" and paths == ("none",):
            return "none"
        if base is not None:
            paths = tuple(str(base / p) if not Path(p).is_absolute() else p for p in paths)
        if key in {"lexicon", "residue-patterns"}:
            if len(paths) != 1:
                raise ConfigError(f"{where}: '{key}' takes one file")
            if key == "residue-patterns" and not Path(paths[0]).is_file():
                raise ConfigError(f"{where}: 'residue-patterns' file not found: {paths[0]}")
            return paths[0]
        return paths
    if key in {"select", "ignore"}:
        from qa.checks import known_selector

        selectors = _as_str_list(key, value, where)
        for s in selectors:
            if not known_selector(s):
                raise ConfigError(f"{where}: '{key}' names no check: {s!r} "
                                  "(use a code, slug, family or category; see `qa checks`)")
        return selectors
    raise ConfigError(f"{where}: unknown key '{key}'")  # pragma: no cover - guarded by caller


def _mt_models(value: Any, where: str, base: Path | None) -> tuple[tuple[str, str], ...]:
    """``["back=DIR", "forward=DIR"]`` or a table ``{back = DIR, forward = DIR}``; a bare
    folder is assigned by its name (``…en-de…`` back, ``…de-en…`` forward)."""
    items: list[tuple[str, str]] = []
    if isinstance(value, dict):
        entries = [f"{k}={v}" for k, v in value.items()]
    else:
        entries = list(_as_str_list("mt-models", value, where))
    for entry in entries:
        if "=" in entry:
            direction, path = entry.split("=", 1)
        else:
            name = Path(entry).name.lower()
            direction = "back" if "en-de" in name else "forward" if "de-en" in name else ""
            path = entry
        direction = direction.strip().lower()
        if direction not in ("back", "forward"):
            raise ConfigError(f"{where}: MT model {entry!r}: say back=FOLDER or forward=FOLDER")
        path = path.strip()
        if base is not None and "/" in path and not Path(path).is_absolute() \
                and (base / path).exists():
            path = str(base / path)
        items.append((direction, path))
    return tuple(items)


def apply(config: Config, values: Mapping[str, Any], where: str,
          base: Path | None = None) -> Config:
    """Return ``config`` updated with ``values`` (from ``where``), validating every key."""
    updates: dict[str, Any] = {}
    origins = dict(config.origins)
    for raw_key, value in values.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        updates[key.replace("-", "_")] = _coerce(key, value, where, base)
        origins[key] = where
    return replace(config, **updates, origins=origins)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None


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
        table = _read_toml(pyproject).get("tool", {}).get("qa")
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"{pyproject}: [tool.qa] must be a table")
            config = apply(config, table, f"{pyproject} [tool.qa]", pyproject.parent)
    if config_file is not None:
        path = Path(config_file)
        data = _read_toml(path)
        table = data.get("tool", {}).get("qa", data) if "tool" in data else data
        config = apply(config, table, str(path), path.resolve().parent)
    if flags:
        present = {k: v for k, v in flags.items() if v is not None}
        config = apply(config, present, "command line")
    return config


def render_config(config: Config) -> str:
    """The effective configuration as TOML, each key annotated with where it was set."""
    lines = ["[tool.qa]"]
    for f in fields(Config):
        if f.name == "origins":
            continue
        key = f.name.replace("_", "-")
        if key == "mt-models":
            value = [f"{d}={p}" for d, p in config.mt_models]
            lines.append(f"{key} = {_toml_value(value)}  # {config.origins.get(key, 'default')}")
            continue
        value = getattr(config, f.name)
        origin = config.origins.get(key, "default")
        if value is None:
            lines.append(f"# {key} = (not set)  # {origin}")
            continue
        lines.append(f"{key} = {_toml_value(value)}  # {origin}")
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
