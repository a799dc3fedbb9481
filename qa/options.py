"""The settings of ``qa check``, in one table (:data:`OPTIONS`).

Each :class:`Option` is a configuration key (``fail-on``, the :class:`~qa.config.Config`
field ``fail_on``) with its kind of value, its default, its help text and, when it has
one, its ``qa check`` flag. The command line (``qa check`` arguments), the configuration
files (``[tool.qa]``, ``--config FILE``: validation by :meth:`Option.check`) and
``qa config --show`` are all built from this table, so an option is added or changed
here, once.

Kept light: ``qa --version`` imports this module through the argument parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.errors import ConfigError

# ── kinds of value: each validates (and normalises) a value from a config file or a flag ──


class Kind:
    """A kind of value. ``check`` raises a one-line :class:`ConfigError` naming the key and
    the file (``where``); relative paths resolve against ``base``, the file's folder."""

    many = False  # a list (a repeatable flag collects every use)
    choices: tuple[str, ...] = ()

    def check(self, key: str, value: Any, where: str, base: Path | None) -> Any:
        raise NotImplementedError

    def show(self, value: Any) -> Any:
        """The value as ``qa config --show`` writes it (TOML)."""
        return value

    def argparse(self) -> dict[str, Any]:
        """Extra ``add_argument`` keywords for a flag that takes a value."""
        return {}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed list of words."""

    choices: tuple[str, ...]

    def check(self, key, value, where, base):
        if value not in self.choices:
            raise ConfigError(f"{where}: '{key}' must be one of {', '.join(self.choices)}, "
                              f"not {value!r}")
        return value

    def argparse(self):
        return {"choices": self.choices}


@dataclass(frozen=True)
class Number(Kind):
    """A number from ``low`` to ``high`` (a float)."""

    low: float
    high: float

    def check(self, key, value, where, base):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not self.low <= value <= self.high:
            raise ConfigError(f"{where}: '{key}' must be a number from {self.low:g} to "
                              f"{self.high:g}, not {value!r}")
        return float(value)

    def argparse(self):
        return {"type": float}


@dataclass(frozen=True)
class Whole(Kind):
    """A whole number from ``low`` to ``high``."""

    low: int
    high: int

    def check(self, key, value, where, base):
        if isinstance(value, bool) or not isinstance(value, int) \
                or not self.low <= value <= self.high:
            raise ConfigError(f"{where}: '{key}' must be a whole number from {self.low} to "
                              f"{self.high}, not {value!r}")
        return value

    def argparse(self):
        return {"type": int}


@dataclass(frozen=True)
class Switch(Kind):
    """true or false."""

    def check(self, key, value, where, base):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: '{key}' must be true or false, not {value!r}")
        return value


@dataclass(frozen=True)
class Glob(Kind):
    """A glob pattern (relative to the folder a batch run is given)."""

    example: str

    def check(self, key, value, where, base):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: '{key}' must be a glob such as \"{self.example}\"")
        if Path(value).is_absolute() or value.startswith(".."):
            raise ConfigError(f"{where}: '{key}' is matched inside the folder a batch run is "
                              f"given; write it relative to it, such as \"{self.example}\"")
        return value


@dataclass(frozen=True)
class Text(Kind):
    """A word or address such as ``example`` (not a file: kept as written)."""

    example: str

    def check(self, key, value, where, base):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: '{key}' must be a string such as \"{self.example}\"")
        return value.strip()


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")


def _resolve(path: str, base: Path | None) -> str:
    return str(base / path) if base is not None and not Path(path).is_absolute() else path


@dataclass(frozen=True)
class Files(Kind):
    """Files: a string or a list of strings (a tuple of paths)."""

    many = True

    def check(self, key, value, where, base):
        return tuple(_resolve(p, base) for p in _strings(key, value, where))


@dataclass(frozen=True)
class File(Kind):
    """One file; ``none_word`` (if given) stands for no file; with ``must_exist`` the
    file must be there when the configuration is read."""

    none_word: str | None = None
    must_exist: bool = False

    def check(self, key, value, where, base):
        paths = _strings(key, value, where)
        if self.none_word is not None and paths == (self.none_word,):
            return self.none_word
        if len(paths) != 1:
            raise ConfigError(f"{where}: '{key}' takes one file")
        path = _resolve(paths[0], base)
        if self.must_exist and not Path(path).is_file():
            raise ConfigError(f"{where}: '{key}' file not found: {path}")
        return path


@dataclass(frozen=True)
class CacheFile(Kind):
    """A file, or ``off_word`` for none."""

    off_word: str = "off"

    def check(self, key, value, where, base):
        if not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a file path or \"{self.off_word}\"")
        return value if value == self.off_word else _resolve(value, base)


@dataclass(frozen=True)
class Selectors(Kind):
    """Check selectors: codes, slugs, families or categories (``qa checks``)."""

    many = True

    def check(self, key, value, where, base):
        from qa.checks import known_selector

        selectors = _strings(key, value, where)
        for s in selectors:
            if not known_selector(s):
                raise ConfigError(f"{where}: '{key}' names no check: {s!r} "
                                  "(use a code, slug, family or category; see `qa checks`)")
        return selectors


@dataclass(frozen=True)
class ModelDirs(Kind):
    """MT models: ``["back=DIR", "forward=DIR"]`` or a table ``{back = DIR, forward = DIR}``;
    a bare folder is assigned by its name (``…en-de…`` back, ``…de-en…`` forward). A value
    is a tuple of (direction, folder or Hugging Face id)."""

    many = True

    def check(self, key, value, where, base):
        items: list[tuple[str, str]] = []
        if isinstance(value, dict):
            entries = [f"{k}={v}" for k, v in value.items()]
        else:
            entries = list(_strings(key, value, where))
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
            # a Hugging Face id (org/name) stays as it is unless such a folder exists here
            if base is not None and "/" in path and not Path(path).is_absolute() \
                    and (base / path).exists():
                path = str(base / path)
            items.append((direction, path))
        return tuple(items)

    def show(self, value):
        return [f"{direction}={path}" for direction, path in value]


# ── the table ──


@dataclass(frozen=True)
class Option:
    """One setting: config key, kind of value, default, help text and its ``qa check`` flag
    (``flag`` None: a config key only). A flag with ``flag_value`` is a switch that sets
    the key to that value (``--no-mt``: ``mt = false``); other flags take a value, and a
    ``repeat`` flag may be given several times (a list; a single-valued key takes it only
    when given once: ``--format``)."""

    key: str
    kind: Kind
    default: Any
    help: str
    flag: str | None = None
    flag_value: Any = None
    metavar: str | None = None
    repeat: bool = False

    @property
    def field(self) -> str:
        """The :class:`~qa.config.Config` field."""
        return self.key.replace("-", "_")

    @property
    def choices(self) -> tuple[str, ...]:
        return self.kind.choices

    @property
    def dest(self) -> str:
        """The argparse attribute of the flag."""
        return (self.flag or "").lstrip("-").replace("-", "_")

    def check(self, value: Any, where: str, base: Path | None = None) -> Any:
        """Validate one value of this key from ``where`` (a file or "command line")."""
        return self.kind.check(self.key, value, where, base)

    def add_to(self, parser) -> None:
        """Add the flag to an argparse parser or group."""
        if self.flag_value is not None:
            parser.add_argument(self.flag, action="store_true", help=self.help)
            return
        kwargs = self.kind.argparse()
        if self.repeat:
            kwargs["action"] = "append"
        if self.metavar:
            kwargs["metavar"] = self.metavar
        parser.add_argument(self.flag, help=self.help, **kwargs)

    def from_args(self, args) -> Any:
        """The value the command line gives this key, None where the flag is not used."""
        given = getattr(args, self.dest)
        if self.flag_value is not None:
            return self.flag_value if given else None
        if self.repeat and not self.kind.many:
            return given[0] if given and len(given) == 1 else None
        return given


FORMATS = ("text", "json", "sarif", "junit", "github", "html", "xliff")

OPTIONS: tuple[Option, ...] = (
    Option("fail-on", Choice(("critical", "major", "minor", "never")), "major",
           "lowest severity that fails the gate (default: major)", flag="--fail-on"),
    Option("severity-policy", Choice(("earned", "declared")), "earned",
           "earned: a finding class blocks only if its judged precision on professional "
           "translations is at least 90 per cent, else it is advisory (minor); declared: the checks' own "
           "severities", flag="--severity-policy"),
    Option("min-score", Number(0, 100), None,
           "also fail when the MQM score is below N (0–100)", flag="--min-score", metavar="N"),
    Option("format", Choice(FORMATS), "text",
           "output format (default: text); repeat with -o for several outputs in one run",
           flag="--format", repeat=True),
    Option("termbase", Files(), (),
           "termbase, CSV/TSV with columns de,en[,forbidden,note,case]; repeatable (also used "
           "as alignment evidence)", flag="--termbase", metavar="FILE", repeat=True),
    Option("baseline", File(none_word="none"), None,
           "accepted findings (a qa-baseline.json from `qa baseline` or the HTML report): "
           "listed as accepted, never failing the gate (default: qa-baseline.json beside "
           "TARGET if there is one; \"none\" for none)", flag="--baseline",
           metavar="FILE"),
    Option("lexicon", File(none_word="none"), None,
           "bilingual word list for alignment and the adequacy checks (Ding, Apertium .dix "
           "or de,en CSV/TSV; default: Debian's trans-de-en where installed; \"none\" for "
           "none)",
           flag="--lexicon", metavar="FILE"),
    Option("mt", Switch(), True, "skip the machine-translation checks",
           flag="--no-mt", flag_value=False),
    Option("select", Selectors(), (),
           "run only these checks (code, slug, family or category); repeatable",
           flag="--select", metavar="CHECK", repeat=True),
    Option("ignore", Selectors(), (), "do not run these checks; repeatable",
           flag="--ignore", metavar="CHECK", repeat=True),
    Option("language-detector", Choice(("lingua", "langdetect")), "lingua",
           "language identifier of the untranslated-text checks (langdetect is seeded)"),
    Option("residue-patterns", File(must_exist=True), None,
           "a file of extra page-furniture patterns, kind<TAB>regex as in qa/data/residue.tsv"),
    Option("mt-models", ModelDirs(), (),
           "MT model folder or Hugging Face id; back = en→de, forward = de→en (default: "
           "Helsinki-NLP/opus-mt-en-de and -de-en from the local cache); repeatable",
           flag="--mt-model", metavar="[back=|forward=]MODEL", repeat=True),
    Option("mt-backend", Choice(("auto", "marian", "ctranslate2")), "auto",
           "MT runtime (default auto: by model folder type)", flag="--mt-backend"),
    Option("mt-beam", Whole(1, 256), 2, "beam size of MT decoding"),
    Option("mt-batch-size", Whole(1, 256), 16, "sentences per MT batch"),
    Option("mt-cache", CacheFile(), None,
           'the MT translation cache file, or "off" (default: the user cache folder)'),
    Option("require-mt", Switch(), False, "fail with exit 2 when no MT model is available",
           flag="--require-mt", flag_value=True),
    Option("batch-glob", Glob("**/de.*"), "**/de.*",
           "which files are sources in a batch run over a folder"),
    Option("chunk-units", Whole(0, 100_000_000), 5000,
           "in a batch run, a bilingual file (XLIFF, PO, TMX) of more units than this is "
           "checked in chunks of this many, each its own report, spread over the workers "
           "(default 5000; 0: never split)", flag="--chunk-units", metavar="N"),
    Option("executor", Choice(("local", "ray")), "local",
           "where a batch run checks its pairs: local, this machine's process pool; ray, a "
           "Ray cluster (the 'scale' extra), resumable from the results store in the "
           "output folder (default: local)", flag="--executor"),
    Option("address", Text("127.0.0.1:6379"), None,
           "the Ray cluster of --executor ray (host:port or ray://host:port; default: a "
           "cluster started on this machine for the run)", flag="--address",
           metavar="ADDRESS"),
    Option("max-input-mb", Whole(1, 1_048_576), 512,
           "the largest input file qa reads, in MB; a larger one is refused unread "
           "(default 512)", flag="--max-input-mb", metavar="MB"),
)

BY_KEY: dict[str, Option] = {option.key: option for option in OPTIONS}


def default(key: str) -> Any:
    """The default value of a key."""
    return BY_KEY[key].default


def add_arguments(parser, *, leave_out: tuple[str, ...] = ()) -> None:
    """Add the flags of every option that has one, in table order (but the keys
    ``leave_out``: ``qa fix`` and ``qa baseline`` write no report, so take no --format)."""
    for option in OPTIONS:
        if option.flag and option.key not in leave_out:
            option.add_to(parser)


def flag_values(args) -> dict[str, Any]:
    """The config values the parsed flags give (None: not given or not a flag of this
    command)."""
    return {option.key: option.from_args(args) for option in OPTIONS
            if option.flag and hasattr(args, option.dest)}


def config_only_keys() -> list[str]:
    """The keys that have no flag (set in ``[tool.qa]`` or ``--config FILE``)."""
    return [option.key for option in OPTIONS if not option.flag]
