"""Read a gettext PO file as German→English units: :func:`read_po`.

Each entry's ``msgid`` is the German source and its ``msgstr`` the English target. The
parser is a small hand-written one following the GNU gettext manual ("The Format of PO
Files"), not translate-toolkit's ``pypo``: that one builds every unit of the file before
the first can be read and keeps no file offsets for the strings, while qa must stream
units and show every finding at the file's line and column, through escapes
(``\\n``, ``\\"``, octal bytes) and strings continued over several lines.

What a unit is made of:

* the header entry (``msgid ""`` without context) gives the charset and ``Language``
  and is not a unit; fuzzy entries (``#, fuzzy``) and obsolete ones (``#~``) are left
  out and counted in :attr:`Reading.skipped`;
* a plural entry gives one unit per ``msgstr[n]``: form 0 against ``msgid``, forms 1…
  against ``msgid_plural``; their ids end in ``#n``;
* an id is the entry's ``msgctxt`` or, without one, the line of its ``msgid``
  (``line 42``); a context met again gets its line added (``menu, line 80``) so that ids
  stay unique;
* an empty ``msgstr`` is a target of "" — present but empty, never ``None``: a PO entry
  always has its ``msgstr`` (the format requires it), and gettext's "untranslated" in a
  file handed in as a translation is a defect to report at the ``msgstr``'s place, so
  the empty segment keeps the anchor of its string;
* translator (``# ``) and extracted (``#.``) comments become the unit's note;
  references (``#:``) and previous strings (``#|``) are dropped;
* placeholders (``%s``, ``%(name)s``, ``%1$s``, ``{name}``, ``{0}``) stay in the text
  and are recorded as ``Tag(kind="placeholder", id=<its text>, offset, end)`` on both
  sides, so that one lost in the translation can be reported.

A PO whose header names a language other than English, or whose msgids look English (the
usual software PO: English msgids, German msgstrs), is refused with one line.

Memory: the contract's :attr:`Reading.text` is the decoded file, so the text and its line
offsets are held; units are built one entry at a time as the stream is consumed and no
tree of the file is ever built. A syntax error past the first entries (those read to
decide the language) is raised as :class:`InputError` while the units are consumed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from qa.errors import InputError
from qa.io import read_bytes
from qa.io.base import line_starts_of
from qa.io.bilingual.units import Reading, Segment, Tag, Unit
from qa.lang.detect import language_evidence

PO_FORMAT = "po"
#: PO files do not state the source language; qa reads msgids as German (and refuses
#: files whose msgids look English)
SOURCE_LANG = "de"
#: the target language when the header has no ``Language`` field
DEFAULT_TARGET_LANG = "en"
DEFAULT_CHARSET = "utf-8"
#: the charset name xgettext writes into templates before anyone chose one
TEMPLATE_CHARSET = "CHARSET"
#: how much of the file's start is searched for the header's charset (long licence
#: comments come before it)
HEADER_PROBE_BYTES = 64 * 1024
#: NUL bytes in the first this many bytes: a binary file
BINARY_PROBE_BYTES = 8192
#: the first four bytes of a compiled gettext catalogue, in either byte order
MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: msgid words read before the units stream, to tell German msgids from English ones
LANGUAGE_SAMPLE_WORDS = 2000
PLACEHOLDER_KIND = "placeholder"
FUZZY = "fuzzy"
OBSOLETE = "obsolete"

# A header entry at the file's start (comments and blank lines may come first); group 1
# is its msgstr with continuation lines. Matched on the bytes read as latin-1, which
# keeps every ASCII byte of any charset gettext allows.
_HEADER = re.compile(r'\A(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t]*msgid[ \t]+""[ \t\r]*\n'
                     r'(?:[ \t]*""[ \t\r]*\n)*[ \t]*msgstr[ \t]+("[^\n]*(?:\n[ \t]*"[^\n]*)*)')
_CHARSET = re.compile(r"charset=([A-Za-z0-9_.:+-]+)")
_LANGUAGE = re.compile(r"^Language:[ \t]*([^\s]*)", re.M)
# A keyword line: the keyword, an optional plural index, then the string.
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?[ \t]*")
# Inside a quoted string: a run of plain characters, an escape (octal, hex, one
# character, or a lone backslash at the end), or a closing quote.
_STRING_TOKEN = re.compile(r'([^"\\]+)|\\([0-7]{1,3}|x[0-9A-Fa-f]+|.?)|(")', re.S)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a",
                   "b": "\b", "f": "\f", "v": "\v", "'": "'", "?": "?"}
BYTE_MAX = 0xFF
_OCTAL_DIGITS = frozenset("01234567")

# Placeholders. printf (C, Python %-format): %s %5.2f %(name)s %1$s — no space or "'"
# flag, so German "50 % der" is never one; "%%" is matched to be passed over. Brace
# (Python str.format, C#, Java MessageFormat): {name} {0} {0:.2f} {}; "{{" "}}" passed over.
_PRINTF = (r"%(?:\([^()]*\)|[1-9][0-9]*\$)?[-+#0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?"
           r"(?:hh|h|ll|l|L|j|z|t|q)?[diouxXeEfFgGaAcsSpn]")
# Without a format flag the syntax is guessed: a conversion letter directly followed by a
# letter is a German word ("10%ige", "%-Angabe"), not a placeholder.
_PRINTF_GUESSED = _PRINTF + r"(?![^\W\d_])"
_BRACE = r"\{(?:[^\W\d]\w*|[0-9]+)?(?:\.[^\W\d]\w*|\[[^\]{}]*\])*(?:![rsa])?(?::[^{}]*)?\}"
_ESCAPED_LITERALS = frozenset({"%%", "{{", "}}"})
#: gettext format flags (``#, c-format``) by placeholder syntax
_PRINTF_FORMATS = frozenset({"c", "python", "objc", "php", "perl", "gcc-internal",
                             "gfc-internal", "boost"})
_BRACE_FORMATS = frozenset({"python-brace", "perl-brace", "csharp", "java", "javascript"})
#: by (printf, brace, guessed): the syntaxes an entry's flags allow, and whether the
#: printf one is guessed (no flag named it)
_PLACEHOLDER_PATTERNS = {
    (True, True, False): re.compile(f"%%|{{{{|}}}}|{_PRINTF}|{_BRACE}"),
    (True, False, False): re.compile(f"%%|{_PRINTF}"),
    (False, True, False): re.compile(f"{{{{|}}}}|{_BRACE}"),
    (True, True, True): re.compile(f"%%|{{{{|}}}}|{_PRINTF_GUESSED}|{_BRACE}"),
    (True, False, True): re.compile(f"%%|{_PRINTF_GUESSED}"),
}


def read_po(path: str | Path) -> Reading:
    """Open a PO file of German msgids and English msgstrs; its units stream from
    :attr:`Reading.units`. Raises :class:`InputError` (one line naming the file) for a
    file that cannot be decoded, is malformed at its start, or is not German→English."""
    name = str(path)
    text, codec = _decode(read_bytes(path), name)
    line_starts = line_starts_of(text)
    header, sample = _head(_entries(text, line_starts, name, codec, {}))
    language = _header_language(header)
    _refuse_other_languages(name, language, sample)
    skipped: dict[str, int] = {}  # filled while the units are consumed
    units = _units(_entries(text, line_starts, name, codec, skipped), skipped)
    return Reading(path=name, format=PO_FORMAT, source_lang=SOURCE_LANG,
                   target_lang=_bcp47(language) if language else DEFAULT_TARGET_LANG,
                   text=text, line_starts=line_starts, units=units, skipped=skipped)


# --- decoding -------------------------------------------------------------------------

def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The file's text in the charset its header names (UTF-8 by default, and always
    after a UTF-8 BOM, which is removed) and that codec's name."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if data[:4] in MO_MAGIC:
        raise InputError(f"{name}: is a compiled .mo catalogue; give qa the .po it was made from")
    if data.startswith(UTF16_BOMS):
        raise InputError(f"{name}: is UTF-16; gettext reads PO files only in an "
                         "ASCII-compatible charset: re-save it as UTF-8")
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), expected a PO file")
    declared = _declared_charset(data)
    charset = DEFAULT_CHARSET if bom or declared in (None, TEMPLATE_CHARSET) else declared
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise InputError(f"{name}: the header names charset={declared}, an encoding qa "
                         "does not know") from None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex()
        if declared and not bom:
            advice = "the header's charset; re-save the file in that charset"
        else:
            advice = ("the default; re-save the file as UTF-8 or name its charset in the "
                      "header's Content-Type")
        raise InputError(f"{name}: line {line}: byte 0x{bad} is not valid {charset} "
                         f"({advice})") from None


def _declared_charset(data: bytes) -> str | None:
    """The ``charset=`` of the header entry's Content-Type, when the file starts with one."""
    match = _HEADER.match(data[:HEADER_PROBE_BYTES].decode("latin-1"))
    if match is None:
        return None
    charset = _CHARSET.search(match.group(1))
    return charset.group(1) if charset else None


# --- languages ------------------------------------------------------------------------

def _head(entries: Iterator[_Entry]) -> tuple[_Entry | None, str]:
    """The header entry (None without one) and the first msgids, up to
    :data:`LANGUAGE_SAMPLE_WORDS` words, read from the start of the file."""
    header = None
    texts: list[str] = []
    words = 0
    for entry in entries:
        if entry.is_header:
            header = header or entry
            continue
        for part in (entry.msgid, entry.plural):
            if part is not None:
                texts.append(part.text)
                words += part.text.count(" ") + 1
        if words >= LANGUAGE_SAMPLE_WORDS:
            break
    return header, "\n".join(texts)


def _header_language(header: _Entry | None) -> str:
    """The header's ``Language:`` value, "" when it has none."""
    if header is None or not header.msgstrs:
        return ""
    match = _LANGUAGE.search(header.msgstrs[0].text)
    return match.group(1) if match else ""


def _refuse_other_languages(name: str, language: str, msgids: str) -> None:
    """Raise when the header's language is not English or the msgids look English."""
    found = []
    if language_evidence(msgids).looks("en"):
        found.append("the msgids look English")
    if language and _primary_subtag(language) not in ("en", "eng"):
        found.append(f"the header says Language: {language}")
    if found:
        raise InputError(f"{name}: {' and '.join(found)}; qa checks German→English "
                         "(German msgids, English msgstrs)")


def _primary_subtag(language: str) -> str:
    """``en`` of ``en_US.UTF-8@quot`` or ``en-GB``."""
    return re.split(r"[-_.@]", language, maxsplit=1)[0].lower()


def _bcp47(language: str) -> str:
    """A POSIX locale name as a BCP 47 tag: ``en_US.UTF-8@quot`` → ``en-US``."""
    return re.split(r"[.@]", language, maxsplit=1)[0].replace("_", "-")


# --- entries --------------------------------------------------------------------------

class _String:
    """One PO string (a msgid, msgstr…) as it is read: its decoded pieces and an anchor
    ``(text offset, file offset)`` where each run copied one-to-one from the file starts."""

    __slots__ = ("pieces", "anchors", "length", "start", "text")

    def __init__(self, start: int) -> None:
        self.pieces: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0
        self.start = start  # the file offset of the first string's content
        self.text = ""

    def add(self, piece: str, file_offset: int) -> None:
        """Append ``piece``, whose first character lies at ``file_offset``."""
        self.pieces.append(piece)
        self.anchors.append((self.length, file_offset))
        self.length += len(piece)

    def finish(self) -> None:
        """Join the pieces into :attr:`text` once the string's last line is read."""
        self.text = "".join(self.pieces)
        if not self.anchors:  # an empty string keeps the place where it is written
            self.anchors.append((0, self.start))
        self.pieces = []


@dataclass
class _Entry:
    """One PO entry as parsed; ``line`` is that of its msgctxt or else its msgid."""

    line: int
    msgid_line: int
    context: str | None = None
    msgid: _String | None = None
    plural: _String | None = None
    msgstrs: list[_String] = field(default_factory=list)
    flags: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()

    @property
    def is_header(self) -> bool:
        return self.context is None and self.msgid is not None and self.msgid.text == ""


def _entries(text: str, line_starts: tuple[int, ...], name: str, codec: str,
             skipped: dict[str, int]) -> Iterator[_Entry]:
    """The entries of a PO file in order, each yielded when the next line shows it is
    complete; obsolete entries are counted in ``skipped`` and not yielded."""
    parser = _Parser(name, codec, skipped)
    last = len(line_starts) - 1
    for number, begin in enumerate(line_starts):
        end = line_starts[number + 1] if number < last else len(text)
        try:
            entry = parser.line(text[begin:end].rstrip(), begin, number + 1)
        except InputError:
            if parser.ready is not None:  # the entry this line closed was complete
                yield parser.ready
            raise
        if entry is not None:
            yield entry
    entry = parser.end()
    if entry is not None:
        yield entry


class _Parser:
    """The PO grammar, fed one line at a time: comments, then ``[msgctxt] msgid
    [msgid_plural] msgstr…``, strings continued on following lines."""

    def __init__(self, name: str, codec: str, skipped: dict[str, int]) -> None:
        self.name = name
        self.codec = codec
        self.skipped = skipped
        self.entry: _Entry | None = None  # the entry whose keywords are being read
        self.current: _String | None = None  # the string that a "…" line continues
        self.context: _String | None = None  # a msgctxt waiting for its msgid
        self.context_line = 0
        self.ready: _Entry | None = None  # the entry a keyword line closed, while it is read
        self.flags: set[str] = set()
        self.notes: list[str] = []

    def error(self, number: int, message: str) -> InputError:
        """The one-line error for file line ``number``."""
        return InputError(f"{self.name}: line {number}: {message}")

    def line(self, body: str, begin: int, number: int) -> _Entry | None:
        """Read one line (trailing whitespace removed) that starts at file offset
        ``begin``; returns the entry it completes, if any."""
        stripped = body.lstrip()
        if not stripped:
            return None  # blank lines may even separate a keyword's strings
        offset = begin + len(body) - len(stripped)
        first = stripped[0]
        if first == '"':
            if self.current is None:
                raise self.error(number, "a string with no msgid or msgstr before it")
            self.string(stripped, offset, number, self.current)
            return None
        if first == "#":
            return self.comment(stripped, number)
        return self.keyword(stripped, offset, number)

    def end(self) -> _Entry | None:
        """The last entry, at the end of the file."""
        if self.context is not None and self.entry is None:
            raise self.error(self.context_line, "msgctxt without msgid")
        return self.complete(None)

    def complete(self, number: int | None) -> _Entry | None:
        """Close the entry being read (if any) before line ``number`` (None: the file's
        end) starts something new; an entry without msgstr is an error."""
        entry = self.entry
        if entry is None:
            return None
        if not entry.msgstrs:
            where = f"before line {number}" if number else "at the end of the file"
            raise self.error(entry.msgid_line, f"msgid without msgstr ({where})")
        for part in (entry.msgid, entry.plural, *entry.msgstrs):
            if part is not None:
                part.finish()
        self.entry = self.current = None
        return entry

    def comment(self, stripped: str, number: int) -> _Entry | None:
        """A ``#`` line: it closes the entry before it and belongs to the next one
        (flags, notes), or marks an obsolete entry."""
        entry = self.entry
        if entry is not None and not entry.msgstrs:
            raise self.error(number, f"comment inside the entry of line {entry.line} "
                             "(its msgstr has not come yet)")
        if self.context is not None and entry is None:
            raise self.error(number, "comment between msgctxt and msgid")
        done = self.complete(number)
        kind = stripped[1:2]
        if kind == "~":
            rest = stripped[2:].lstrip()
            if rest.startswith("msgid") and not rest.startswith("msgid_plural"):
                self.skipped[OBSOLETE] = self.skipped.get(OBSOLETE, 0) + 1
                self.flags, self.notes = set(), []  # they belonged to the obsolete entry
        elif kind == ",":
            self.flags.update(flag.strip() for flag in stripped[2:].split(","))
        elif kind == ".":
            self.notes.append(stripped[2:].strip())
        elif kind not in (":", "|"):  # references and previous strings are dropped
            self.notes.append(stripped[2:] if kind == " " else stripped[1:])
        return done

    def keyword(self, stripped: str, offset: int, number: int) -> _Entry | None:
        """A ``msgctxt``/``msgid``/``msgid_plural``/``msgstr[n]`` line and its string."""
        match = _KEYWORD.match(stripped)
        if match is None or not stripped.startswith('"', match.end()):
            word = stripped.split(None, 1)[0][:40]
            if match is not None:
                raise self.error(number, f"{match.group(1)} must be followed by a quoted string")
            raise self.error(number, f"expected msgctxt, msgid, msgstr, a string or a "
                             f"comment, found {word!r}")
        keyword, index = match.group(1), match.group(2)
        if index is not None and keyword != "msgstr":
            raise self.error(number, f"{keyword}[{index}]: only msgstr takes a plural index")
        target = _String(offset + match.end() + 1)
        done = None
        if keyword in ("msgctxt", "msgid"):
            done = self.start(keyword, number)
        else:
            self.follow(keyword, index, number)
        entry = self.entry
        if keyword == "msgctxt":
            self.context, self.context_line = target, number
        elif keyword == "msgid":
            entry.msgid = target
        elif keyword == "msgid_plural":
            entry.plural = target
        else:
            entry.msgstrs.append(target)
        self.current = target
        self.ready = done  # yielded even when this line's string turns out malformed
        self.string(stripped[match.end():], offset + match.end(), number, target)
        self.ready = None
        return done

    def start(self, keyword: str, number: int) -> _Entry | None:
        """A msgctxt or msgid line: it closes the previous entry; msgid opens the next."""
        entry = self.entry
        if entry is not None and not entry.msgstrs:
            raise self.error(number, f"{keyword} inside the entry of line {entry.line} "
                             "(its msgstr has not come yet)")
        if keyword == "msgctxt" and self.context is not None:
            raise self.error(number, "a second msgctxt: expected msgid")
        done = self.complete(number)
        if keyword == "msgid":
            context = self.context
            if context is not None:
                context.finish()
            self.entry = _Entry(line=self.context_line if context else number,
                                msgid_line=number, context=context.text if context else None,
                                flags=frozenset(self.flags), notes=tuple(self.notes))
            self.context, self.flags, self.notes = None, set(), []
        return done

    def follow(self, keyword: str, index: str | None, number: int) -> None:
        """Check that msgid_plural or msgstr[…] comes where the grammar allows it."""
        entry = self.entry
        if entry is None:
            raise self.error(number, f"{keyword} without msgid before it")
        if keyword == "msgid_plural":
            if entry.plural is not None or entry.msgstrs:
                raise self.error(number, f"msgid_plural out of place in the entry of line "
                                 f"{entry.line}")
            return
        if entry.plural is None and index is not None:
            raise self.error(number, f"msgstr[{index}] in an entry without msgid_plural")
        if entry.plural is not None and index is None:
            raise self.error(number, "an entry with msgid_plural needs msgstr[0], "
                             "msgstr[1]…, not msgstr")
        if index is None and entry.msgstrs:
            raise self.error(number, f"a second msgstr in the entry of line {entry.line}")
        if index is not None and int(index) != len(entry.msgstrs):
            raise self.error(number, f"msgstr[{index}] where msgstr[{len(entry.msgstrs)}] "
                             "was expected")

    def string(self, quoted: str, offset: int, number: int, target: _String) -> None:
        """Append the quoted string(s) ``quoted``, which starts at file ``offset``, to
        ``target``: escapes decoded, every run of characters anchored."""
        inner = quoted[1:-1]
        if len(quoted) >= 2 and quoted[-1] == '"' and "\\" not in inner and '"' not in inner:
            if inner:  # the common case: no escape, one run
                target.add(inner, offset + 1)
            return
        self.escaped(quoted, offset, number, target)

    def escaped(self, quoted: str, offset: int, number: int, target: _String) -> None:
        """The slow path of :meth:`string`: escapes, and several strings on one line."""
        position, closed = 1, False
        pending: list[tuple[int, int]] = []  # (byte, file offset) of octal/hex escapes
        while position < len(quoted):
            match = _STRING_TOKEN.match(quoted, position)
            plain, escape, quote = match.groups()
            byte = escape is not None and (escape[:1] in _OCTAL_DIGITS or
                                           (escape[:1] == "x" and len(escape) > 1))
            if pending and not byte:
                self.flush_bytes(pending, number, target)
            if plain is not None:
                target.add(plain, offset + position)
            elif quote is not None:
                rest = quoted[match.end():]
                following = rest.lstrip()
                if not following:
                    closed = True
                    break
                if following[0] != '"':
                    raise self.error(number, f"unexpected {following[:20]!r} after the "
                                     "closing quote")
                position = len(quoted) - len(following) + 1
                continue
            elif escape == "":
                break  # a backslash before the line's end: the closing quote is escaped
            elif byte:
                value = int(escape[1:], 16) if escape[0] == "x" else int(escape, 8)
                if value > BYTE_MAX:
                    raise self.error(number, f"escape \\{escape} is not a byte")
                pending.append((value, offset + position))
            elif escape in _SIMPLE_ESCAPES:
                target.add(_SIMPLE_ESCAPES[escape], offset + position)
            else:
                raise self.error(number, f"unknown escape \\{escape} in a string")
            position = match.end()
        if pending:
            self.flush_bytes(pending, number, target)
        if not closed:
            raise self.error(number, "unterminated string (no closing quote)")

    def flush_bytes(self, pending: list[tuple[int, int]], number: int,
                    target: _String) -> None:
        """Decode a run of octal/hex escapes as bytes of the file's charset (gettext's
        meaning); each character is anchored at the backslash where its bytes start."""
        data = bytes(value for value, _ in pending)
        try:
            chars = data.decode(self.codec)
        except UnicodeDecodeError:
            raise self.error(number, f"escaped bytes {data!r} are not valid {self.codec}"
                             ) from None
        index = 0
        for char in chars:
            target.add(char, pending[index][1])
            index += len(char.encode(self.codec))
        pending.clear()


# --- units ----------------------------------------------------------------------------

def _units(entries: Iterator[_Entry], skipped: dict[str, int]) -> Iterator[Unit]:
    """The units of the entries: header skipped, fuzzy entries counted and skipped, one
    unit per plural form."""
    seen_contexts: set[str] = set()
    for entry in entries:
        if entry.is_header:
            continue
        if FUZZY in entry.flags:
            skipped[FUZZY] = skipped.get(FUZZY, 0) + 1
            continue
        if entry.context:
            unit_id = entry.context
            if unit_id in seen_contexts:
                unit_id = f"{entry.context}, line {entry.line}"
            seen_contexts.add(entry.context)
        else:
            unit_id = f"line {entry.line}"
        pattern = _placeholder_pattern(entry.flags)
        note = "\n".join(entry.notes)
        source = _segment(entry.msgid, pattern)
        if entry.plural is None:
            yield Unit(unit_id, source, _segment(entry.msgstrs[0], pattern), entry.line,
                       note=note)
            continue
        plural = _segment(entry.plural, pattern)
        for form, msgstr in enumerate(entry.msgstrs):
            yield Unit(f"{unit_id}#{form}", source if form == 0 else plural,
                       _segment(msgstr, pattern), entry.line, note=note)


def _segment(string: _String, pattern: re.Pattern[str] | None) -> Segment:
    """A finished string as a segment, its placeholders (``pattern``) as tags."""
    text = string.text
    tags: tuple[Tag, ...] = ()
    if pattern is not None and ("%" in text or "{" in text):
        tags = tuple(Tag(PLACEHOLDER_KIND, m.group(), m.start(), m.end())
                     for m in pattern.finditer(text) if m.group() not in _ESCAPED_LITERALS)
    return Segment(text, tuple(string.anchors), tags)


def _placeholder_pattern(flags: frozenset[str]) -> re.Pattern[str] | None:
    """The placeholder syntax the entry's format flags name (``c-format``,
    ``python-brace-format``…); both, guessed, when they name none. ``no-…-format``
    flags rule a syntax out."""
    named = {flag[:-len("-format")] for flag in flags
             if flag.endswith("-format") and not flag.startswith("no-")}
    printf, brace = bool(named & _PRINTF_FORMATS), bool(named & _BRACE_FORMATS)
    if printf or brace:
        return _PLACEHOLDER_PATTERNS[printf, brace, False]
    denied = {flag[len("no-"):-len("-format")] for flag in flags
              if flag.startswith("no-") and flag.endswith("-format")}
    printf, brace = not denied & _PRINTF_FORMATS, not denied & _BRACE_FORMATS
    if not printf:
        return _PLACEHOLDER_PATTERNS[False, True, False] if brace else None
    return _PLACEHOLDER_PATTERNS[True, brace, True]
