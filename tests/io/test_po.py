"""The PO reader: German msgids and English msgstrs as a stream of units, with every
character's place in the file kept, placeholders recorded, and bad or reversed files
refused with one line."""

from __future__ import annotations

import json
import re
import tracemalloc

import pytest

from conftest import CORPORA
from qa.errors import InputError
from qa.io.bilingual.po import LANGUAGE_SAMPLE_WORDS, read_po
from qa.model import Origin

HEADER = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
PO_APP = CORPORA / "po-app"
#: what reading a stream of units may add to memory at its peak, whatever their number
FLAT_MEMORY_BYTES = 512 * 1024


def _units(path):
    reading = read_po(path)
    return reading, list(reading.units)


def _only(path):
    _, units = _units(path)
    assert len(units) == 1, units
    return units[0]


def _line_col(reading, segment, offset):
    """Line and column of a segment's text offset, through its anchors."""
    return Origin(segment.anchors, reading.line_starts).line_col(offset)


def _raw_line_col(raw: str, needle: str) -> tuple[int, int]:
    """Line and column (1-based, code points) of ``needle``'s only occurrence in ``raw``."""
    assert raw.count(needle) == 1, needle
    offset = raw.index(needle)
    line_start = raw.rfind("\n", 0, offset) + 1
    return raw.count("\n", 0, offset) + 1, offset - line_start + 1


# --- entries ------------------------------------------------------------------------

def test_plural_entry_gives_one_unit_per_form(write):
    # msgstr[0] translates the msgid, msgstr[1] the msgid_plural; both share the entry's
    # id with the form's number, so a finding names the form an editor must fix.
    path = write("p.po", HEADER + 'msgid "Eine Datei"\nmsgid_plural "%d Dateien"\n'
                 'msgstr[0] "One file"\nmsgstr[1] "%d files"\n')
    reading, units = _units(path)
    assert [(u.id, u.source.text, u.target.text, u.line) for u in units] == [
        ("line 6#0", "Eine Datei", "One file", 6), ("line 6#1", "%d Dateien", "%d files", 6)]
    assert reading.skipped == {}


def test_fuzzy_entries_are_skipped_and_counted(write):
    # A fuzzy msgstr is a guess the translator has not confirmed: not a translation to check.
    path = write("f.po", HEADER + '#, fuzzy, c-format\nmsgid "Öffnen"\nmsgstr "Open"\n\n'
                 'msgid "Schließen"\nmsgstr "Close"\n\n'
                 '#, fuzzy\nmsgid "Tag"\nmsgid_plural "Tage"\nmsgstr[0] "day"\nmsgstr[1] "days"\n')
    reading, units = _units(path)
    assert [u.source.text for u in units] == ["Schließen"]
    assert reading.skipped == {"fuzzy": 2}  # an entry counts once, whatever its forms


def test_obsolete_entries_are_skipped_and_counted(write):
    # "#~" entries are no longer used by the program; their comments and flags must not
    # leak into the entry that follows.
    path = write("o.po", HEADER + '#, fuzzy\n# alter Kommentar\n#~ msgctxt "alt"\n'
                 '#~| msgid "Vorher"\n#~ msgid "Veraltet"\n#~ msgstr "Obsolete"\n\n'
                 '#~ msgid "Eins"\n#~ msgid_plural "Viele"\n#~ msgstr[0] "One"\n'
                 '#~ msgstr[1] "Many"\n\nmsgid "Neu"\nmsgstr "New"\n')
    reading, units = _units(path)
    assert [(u.source.text, u.note) for u in units] == [("Neu", "")]
    assert reading.skipped == {"obsolete": 2}


def test_msgctxt_is_the_id_and_a_repeated_context_gets_its_line(write):
    # The context is how an editor finds an entry; a context used twice would not be a
    # unique id, so the second one names its line too.
    path = write("c.po", HEADER + 'msgctxt "menu"\nmsgid "Datei"\nmsgstr "File"\n\n'
                 'msgctxt "menu"\nmsgid "Ansicht"\nmsgstr "View"\n\n'
                 'msgid "Hilfe"\nmsgstr "Help"\n')
    _, units = _units(path)
    assert [(u.id, u.line) for u in units] == [("menu", 6), ("menu, line 10", 10),
                                               ("line 14", 14)]


def test_comments_become_the_note_and_references_are_dropped(write):
    # Translator and extracted comments tell the checker (and the reader of a report)
    # about the string; "#:" source references and "#|" previous strings do not.
    path = write("n.po", HEADER + '# Übersetzerhinweis\n#. Knopf im Dialog\n#: src/a.c:10\n'
                 '#| msgid "Alt"\nmsgid "Speichern"\nmsgstr "Save"\n')
    assert _only(path).note == "Übersetzerhinweis\nKnopf im Dialog"


def test_header_is_not_a_unit_and_names_the_target_language(write):
    # The header carries metadata, not a translation; its POSIX locale becomes BCP 47.
    path = write("h.po", HEADER.replace("Language: en", "Language: en_US") +
                 'msgid "Ja"\nmsgstr "Yes"\n')
    reading, units = _units(path)
    assert (reading.format, reading.source_lang, reading.target_lang) == ("po", "de", "en-US")
    assert [u.source.text for u in units] == ["Ja"]


# --- strings ------------------------------------------------------------------------

def test_c_escapes_are_decoded_and_anchored_at_their_backslash(write):
    # gettext strings are C strings; an octal or hex escape is a byte of the file's
    # charset (\303\244 is UTF-8 "ä"). A finding on an escaped character must point at
    # the escape in the file.
    body = r'msgid "Zeile\n\"A\"\t\303\244\x41\\"' + '\nmsgstr "x"\n'
    path = write("e.po", HEADER + body)
    reading, units = _units(path)
    source = units[0].source
    assert source.text == 'Zeile\n"A"\täA\\'
    raw = open(path, encoding="utf-8").read()
    assert _line_col(reading, source, source.text.index("ä")) == _raw_line_col(raw, r"\303")
    assert _line_col(reading, source, source.text.index("A\\")) == _raw_line_col(raw, r"\x41")
    assert _line_col(reading, source, source.text.index("\n")) == _raw_line_col(raw, r'\n\"A')


def test_multi_line_strings_are_concatenated(write):
    # Long strings are split over lines by every PO editor; the text is their join.
    path = write("m.po", HEADER + 'msgid ""\n"Eins "\n  "zwei"\nmsgstr ""\n"One "\n\n"two"\n')
    unit = _only(path)
    assert (unit.source.text, unit.target.text) == ("Eins zwei", "One two")
    assert unit.id == "line 6"


def test_empty_msgstr_is_an_empty_target_anchored_at_its_string(write):
    # Empty means untranslated: the target is present but "" (never None), so a check can
    # report it at the msgstr's place.
    path = write("u.po", HEADER + 'msgid "Speichern"\nmsgstr ""\n')
    reading, units = _units(path)
    target = units[0].target
    assert target is not None and target.text == ""
    assert _line_col(reading, target, 0) == (7, 9)  # just inside msgstr's quotes


def test_header_charset_latin1_is_honoured(write):
    # Old catalogues are latin-1; their bytes must be read in the charset the header names.
    header = HEADER.replace("charset=UTF-8", "charset=ISO-8859-1")
    path = write("l.po", (header + 'msgid "Schließen für Größe"\nmsgstr "Close"\n')
                 .encode("latin-1"))
    assert _only(path).source.text == "Schließen für Größe"


def test_latin1_bytes_without_charset_are_refused_with_their_line(write):
    # Without a charset the file is UTF-8; latin-1 bytes then are a clear error, not mojibake.
    path = write("l.po", (HEADER.replace("charset=UTF-8", "") +
                          'msgid "Größe"\nmsgstr "Size"\n').encode("latin-1"))
    with pytest.raises(InputError, match=r"l\.po: line 6: byte 0xf6 is not valid utf-8"):
        read_po(path)


def test_bom_is_removed_and_offsets_count_without_it(write):
    # File offsets are code points of the file as decoded, BOM removed (the contract).
    raw = HEADER + 'msgid "Öffnen"\nmsgstr "Open"\n'
    path = write("b.po", "\ufeff".encode() + raw.encode())
    reading, units = _units(path)
    assert not reading.text.startswith("\ufeff") and reading.text == raw
    target = units[0].target
    assert _line_col(reading, target, 0) == _raw_line_col(raw, "Open")


def test_crlf_lines_are_read_without_carriage_returns(write):
    # Windows editors write CRLF; "\r" is no part of any string and columns stay right.
    raw = (HEADER + 'msgid ""\n"Datei "\n"öffnen"\nmsgstr "Open "\n"file"\n').replace("\n", "\r\n")
    path = write("r.po", raw)
    reading, units = _units(path)
    unit = units[0]
    assert (unit.source.text, unit.target.text) == ("Datei öffnen", "Open file")
    assert _line_col(reading, unit.target, 5) == _raw_line_col(raw, "file")


def test_line_and_column_of_a_word_in_msgstr_through_anchors(write):
    # The point of the anchors: a word behind escapes and a line continuation is shown at
    # its real line and column in the file (BOM and CRLF included).
    raw = (HEADER + '# Hinweis\nmsgctxt "dlg"\nmsgid "Die \\"Datei\\" wurde\\tgespeichert."\n'
           'msgstr ""\n"The \\"file\\"\\t"\n  "has been saved."\n').replace("\n", "\r\n")
    path = write("w.po", "\ufeff".encode() + raw.encode())
    reading, units = _units(path)
    target = units[0].target
    assert target.text == 'The "file"\thas been saved.'
    assert _line_col(reading, target, target.text.index("saved")) == _raw_line_col(raw, "saved")
    assert _line_col(reading, target, target.text.index("file")) == _raw_line_col(raw, "file")
    source = units[0].source
    assert _line_col(reading, source, source.text.index("gespeichert")) == \
        _raw_line_col(raw, "gespeichert")


@pytest.mark.parametrize("name", ["clean.po", "defective.po", "escapes"])
def test_every_anchor_points_at_its_characters_or_an_escape(write, name):
    # The anchor invariant behind every line and column: a run of text starts where the
    # same characters stand in the file, or at the backslash of the escape it decodes.
    path = PO_APP / name if name.endswith(".po") else write("esc.po", HEADER + (
        'msgid ""\n"A\\303\\244b\\tc"\n"\\"d\\"\\\\" "e\\x41 f"\n'
        'msgstr "A\\nb\\"c\\""\n'))
    reading, units = _units(path)
    checked = 0
    for segment in (side for unit in units for side in (unit.source, unit.target)):
        bounds = [t for t, _ in segment.anchors[1:]] + [len(segment.text)]
        for (start, at), end in zip(segment.anchors, bounds):
            if reading.text[at] != "\\":
                assert reading.text[at:at + end - start] == segment.text[start:end]
            checked += 1
    assert checked >= len(units) * 2


# --- placeholders -------------------------------------------------------------------

@pytest.mark.parametrize("german, english, expected", [
    ("Datei %s öffnen", "Open file %s", ["%s"]),
    ("%(count)d Notizen", "%(count)d notes", ["%(count)d"]),
    ("Von %1$s an %2$s", "From %1$s to %2$s", ["%1$s", "%2$s"]),
    ("Hallo {name}", "Hello {name}", ["{name}"]),
    ("{0} von {1:.1f}", "{0} of {1:.1f}", ["{0}", "{1:.1f}"]),
], ids=["printf", "python-named", "positional", "brace-named", "brace-index"])
def test_placeholders_are_tags_on_both_sides(write, german, english, expected):
    # A placeholder dropped or changed in the translation breaks the program's output;
    # recording each as a Tag on both sides lets a markup check compare them.
    path = write("ph.po", HEADER + f'msgid "{german}"\nmsgstr "{english}"\n')
    unit = _only(path)
    for segment in (unit.source, unit.target):
        assert [t.id for t in segment.tags] == expected
        assert all(t.kind == "placeholder" and segment.text[t.offset:t.end] == t.id
                   for t in segment.tags)


def test_percent_signs_in_prose_are_not_placeholders(write):
    # "50 % der" (German spacing), "10%ige" and "%%" are text, not format directives.
    path = write("pc.po", HEADER + 'msgid "50 % der Nutzer, 10%ige Rate, 100%% sicher"\n'
                 'msgstr "50% of users, a 10% rate, 100%% safe"\n')
    unit = _only(path)
    assert unit.source.tags == () and unit.target.tags == ()


def test_format_flags_choose_the_placeholder_syntax(write):
    # "#, c-format" says what the program substitutes: "{x}" there is literal text, and a
    # no-c-format entry has no printf directives at all.
    path = write("fl.po", HEADER + '#, c-format\nmsgid "%sige {x}"\nmsgstr "%s {x}"\n\n'
                 '#, no-c-format\nmsgid "%s und {y}"\nmsgstr "%s and {y}"\n')
    _, units = _units(path)
    assert [t.id for t in units[0].source.tags] == ["%s"]
    assert [t.id for t in units[1].target.tags] == ["{y}"]


# --- refusals -----------------------------------------------------------------------

ENGLISH_MSGIDS = [
    ("The file could not be saved.", "Die Datei konnte nicht gespeichert werden."),
    ("Do you want to delete this note?", "Möchten Sie diese Notiz löschen?"),
    ("There are no results for your search.", "Es gibt keine Treffer für Ihre Suche."),
    ("You have been signed out of your account.", "Sie wurden von Ihrem Konto abgemeldet."),
    ("The backup is made every day at three.", "Die Sicherung wird täglich um drei erstellt."),
]


def _software_po(language: str) -> str:
    entries = "".join(f'msgid "{en}"\nmsgstr "{de}"\n\n' for en, de in ENGLISH_MSGIDS)
    return HEADER.replace("Language: en", f"Language: {language}") + entries


def test_english_msgids_with_german_msgstrs_are_refused(write):
    # The usual software PO translates English into German: the reverse of what qa checks.
    path = write("de.po", _software_po("en"))
    with pytest.raises(InputError, match=r"^\S*de\.po: the msgids look English; "
                                         r"qa checks German→English"):
        read_po(path)


def test_header_language_other_than_english_is_refused(write):
    # The header names the msgstrs' language; a German catalogue is named in the message.
    path = write("de.po", _software_po("de"))
    with pytest.raises(InputError, match="the msgids look English and the header says "
                                         "Language: de; qa checks German→English"):
        read_po(path)
    path = write("fr.po", HEADER.replace("Language: en", "Language: fr") +
                 'msgid "Ja"\nmsgstr "Oui"\n')
    with pytest.raises(InputError, match="the header says Language: fr"):
        read_po(path)


@pytest.mark.parametrize("body, line, message", [
    ('msgid "Offen\nmsgstr "Open"\n', 6, "unterminated string"),
    ('msgid "Offen\\"\nmsgstr "Open"\n', 6, "unterminated string"),
    ('#. Notiz\nmsgstr "Open"\nmsgid "Offen"\n', 7, "msgstr without msgid"),
    ('msgid "Offen"\n\nmsgid "Zu"\nmsgstr "Closed"\n', 8, "msgid inside the entry"),
    ('msgid "Offen"\n', 6, "msgid without msgstr"),
    ('msgid "Eins"\nmsgstr[1] "One"\n', 7, "without msgid_plural"),
    ('msgid "Ein"\nmsgid_plural "Viele"\nmsgstr[1] "Many"\n', 8, "msgstr[0] was expected"),
    ('msgid "Tab\\q"\nmsgstr "Tab"\n', 6, "unknown escape \\q"),
    ('msgid "A" B\nmsgstr "A"\n', 6, "after the closing quote"),
    ('msgid "A"\nmsgtext "A"\n', 7, "expected msgctxt, msgid, msgstr"),
    ('# Notiz\n"Verwaist"\nmsgid "A"\nmsgstr "A"\n', 7, "a string with no msgid"),
], ids=["unterminated", "escaped-quote-at-end", "msgstr-first", "msgid-twice",
        "missing-msgstr", "plural-index-without-plural", "plural-index-order",
        "unknown-escape", "text-after-string", "unknown-keyword", "orphan-string"])
def test_malformed_po_is_refused_with_its_line(write, body, line, message):
    # A PO that gettext's msgfmt would reject cannot be checked: one line naming the file,
    # the line and what is wrong, never a traceback.
    path = write("bad.po", HEADER + body)
    with pytest.raises(InputError, match=rf"bad\.po: line {line}: .*{re.escape(message)}"):
        list(read_po(path).units)


def test_a_late_syntax_error_is_raised_while_units_stream(write):
    # Units stream: the file past the language sample is parsed only as units are read,
    # so an error there surfaces during consumption, after the good units came out.
    entries = LANGUAGE_SAMPLE_WORDS  # each msgid has two words: the sample ends halfway
    good = "".join(f'msgid "Notiz {n}"\nmsgstr "Note {n}"\n\n' for n in range(entries))
    path = write("late.po", HEADER + good + 'msgid "kaputt\n')
    reading = read_po(path)  # no error yet: the bad line lies past the sample
    units = []
    with pytest.raises(InputError, match=rf"late\.po: line {5 + 3 * entries + 1}: "
                                         "unterminated string"):
        for unit in reading.units:
            units.append(unit)
    assert len(units) == entries


def test_consuming_the_units_keeps_memory_flat(write):
    # A 100,000-entry memory must not sit in memory as units: the reader keeps nothing of
    # a unit once it is handed out, so reading them all grows memory by far less than
    # keeping them would (about 1 KiB a unit here).
    entries = 5000
    body = "".join(f'#. Hinweis {n}\nmsgid "Die Notiz Nummer {n} wurde gespeichert."\n'
                   f'msgstr "Note number {n} has been saved."\n\n' for n in range(entries))
    reading = read_po(write("big.po", HEADER + body))
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        count = sum(1 for _ in reading.units)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == entries
    assert peak - before < FLAT_MEMORY_BYTES, peak - before


@pytest.mark.parametrize("content, message", [
    (b"", "file is empty"),
    (b"\xde\x12\x04\x95" + b"\x00" * 20, "compiled .mo"),
    (HEADER.replace("UTF-8", "X-NO-SUCH-CHARSET").encode(), "charset=X-NO-SUCH-CHARSET"),
    (HEADER.encode("utf-16"), "is UTF-16"),
], ids=["empty", "mo-file", "unknown-charset", "utf-16"])
def test_unreadable_files_are_refused(write, content, message):
    # What cannot be decoded as a PO is refused up front with the file's name.
    path = write("x.po", content)
    with pytest.raises(InputError, match=rf"x\.po: .*{message}"):
        read_po(path)


# --- the sample catalogue -----------------------------------------------------------

GOLD = json.loads((PO_APP / "gold.units.json").read_text(encoding="utf-8"))


def test_sample_catalogue_defects_lie_in_the_named_units():
    # The planted defects are the only differences between clean and defective, each in
    # the unit its gold entry names, with the quoted text in that unit's target.
    _, clean = _units(PO_APP / GOLD["clean"])
    _, defective = _units(PO_APP / GOLD["defective"])
    assert [u.id for u in clean] == [u.id for u in defective] and len(clean) >= 20
    changed = {c.id for c, d in zip(clean, defective) if c.target.text != d.target.text}
    assert changed == {d["unit"] for d in GOLD["defects"]}
    by_id = {u.id: u for u in defective}
    for defect in GOLD["defects"]:
        assert defect["text"] in by_id[defect["unit"]].target.text, defect


def test_sample_catalogue_dropped_placeholder_shows_in_the_tags():
    # The markup defect is visible to a later check: a placeholder tag of the source has
    # no counterpart in the defective target, while every clean unit keeps them all.
    _, clean = _units(PO_APP / GOLD["clean"])
    _, defective = _units(PO_APP / GOLD["defective"])
    assert all(sorted(t.id for t in u.source.tags) == sorted(t.id for t in u.target.tags)
               for u in clean)
    markup = next(d["unit"] for d in GOLD["defects"] if d["category"] == "markup")
    lost = [u for u in defective
            if sorted(t.id for t in u.source.tags) != sorted(t.id for t in u.target.tags)]
    assert [u.id for u in lost] == [markup]
