"""TMX reading: German–English pairs out of a memory, inline codes, anchors and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.errors import InputError
from qa.io.bilingual.tmx import read_tmx
from qa.model import Origin


def tmx(body: str, *, version: str = "1.4", srclang: str = "de-DE") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="{version}">\n'
            f'<header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" '
            f'adminlang="en" srclang="{srclang}" datatype="plaintext"/>\n<body>\n{body}\n</body>\n</tmx>\n')


def tu(german: str | None, english: str | None, *, tuid: str | None = None, attribute: str = "xml:lang",
       de: str = "de-DE", en: str = "en-GB", english_first: bool = False) -> str:
    sides = [f'<tuv {attribute}="{de}"><seg>{german}</seg></tuv>' if german is not None else "",
             f'<tuv {attribute}="{en}"><seg>{english}</seg></tuv>' if english is not None else ""]
    if english_first:
        sides.reverse()
    opening = f'<tu tuid="{tuid}">' if tuid else "<tu>"
    return opening + "".join(sides) + "</tu>"


def units(path: str, **languages):
    reading = read_tmx(path, **languages)
    return reading, list(reading.units)


def test_a_pair_is_read_with_tuid_as_id(write):
    reading, (unit,) = units(write("m.tmx", tmx(tu("Guten Morgen", "Good morning", tuid="greet-1"))))
    assert reading.format == "tmx"
    assert (unit.id, unit.source.text, unit.target.text, unit.state) == (
        "greet-1", "Guten Morgen", "Good morning", None)


def test_ids_default_to_the_ordinal_of_the_tu(write):
    body = "\n".join([tu("Eins", "One"), tu(None, "Two"), tu("Drei", "Three")])
    _, read = units(write("m.tmx", tmx(body)))
    assert [u.id for u in read] == ["1", "3"]


def test_english_may_come_first(write):
    _, (unit,) = units(write("m.tmx", tmx(tu("Haus", "house", english_first=True))))
    assert (unit.source.text, unit.target.text) == ("Haus", "house")


@pytest.mark.parametrize("de, en", [("de", "en"), ("DE-at", "EN-us"), ("de_CH", "en")])
def test_language_variants_match(write, de, en):
    _, (unit,) = units(write("m.tmx", tmx(tu("Haus", "house", de=de, en=en))))
    assert unit.target.text == "house"


def test_tmx_11_lang_attribute_is_read(write):
    _, (unit,) = units(write("m.tmx", tmx(tu("Haus", "house", attribute="lang"), version="1.1")))
    assert unit.source.text == "Haus"


def test_a_third_language_is_ignored(write):
    body = '<tu><tuv xml:lang="fr"><seg>maison</seg></tuv>' + tu("Haus", "house")[4:]
    _, (unit,) = units(write("m.tmx", tmx(body)))
    assert (unit.source.text, unit.target.text) == ("Haus", "house")


def test_units_lacking_a_side_are_skipped_and_counted(write):
    body = "\n".join([tu(None, "Only English"), tu("Nur Deutsch", None), tu(None, "Also English"),
                      tu("Beides", "Both")])
    reading, read = units(write("m.tmx", tmx(body)))
    assert [u.target.text for u in read] == ["Both"]
    assert reading.skipped == {"no German": 2, "no English": 1}


def test_header_srclang_does_not_decide_the_direction(write):
    _, (unit,) = units(write("m.tmx", tmx(tu("Haus", "house"), srclang="en-GB")))
    assert (unit.source.text, unit.target.text) == ("Haus", "house")


def test_inline_codes_are_tags_and_their_native_code_is_not_text(write):
    german = ('Klicken Sie <bpt i="1" x="1">&lt;b&gt;</bpt>hier<ept i="1">&lt;/b&gt;</ept>'
              '<ph x="2">&lt;br/&gt;</ph> <hi x="3" type="em">jetzt</hi><it x="4" pos="begin">&lt;i&gt;</it>'
              '<ut x="5">{\\b}</ut>!')
    _, (unit,) = units(write("m.tmx", tmx(tu(german, "Click here now!"))))
    assert unit.source.text == "Klicken Sie hier jetzt!"
    assert [(t.kind, t.id, t.offset, t.end) for t in unit.source.tags] == [
        ("bpt", "1", 12, 12), ("ept", "1", 16, 16), ("ph", "2", 16, 16), ("hi", "3", 17, 22),
        ("it", "4", 22, 22), ("ut", "5", 22, 22)]


def test_sub_inside_a_code_is_not_text(write):
    german = 'Bild<ph x="1">&lt;img alt="<sub>Alternativtext</sub>"&gt;</ph> unten'
    _, (unit,) = units(write("m.tmx", tmx(tu(german, "Picture below"))))
    assert unit.source.text == "Bild unten"


def test_cdata_entities_and_note(write):
    body = ('<tu tuid="n"><note>aus dem Handbuch</note>'
            '<tuv xml:lang="de"><seg><![CDATA[a<b]]> &amp; &#x201E;c&#x201C;</seg></tuv>'
            '<tuv xml:lang="en"><seg>a&lt;b &amp; “c”</seg></tuv></tu>')
    _, (unit,) = units(write("m.tmx", tmx(body)))
    assert (unit.source.text, unit.target.text, unit.note) == ("a<b & „c“", "a<b & “c”", "aus dem Handbuch")


def test_an_empty_seg_is_an_empty_target(write):
    _, (unit,) = units(write("m.tmx", tmx(tu("Text", ""))))
    assert unit.target is not None and unit.target.text == ""


def test_the_line_is_where_the_tu_starts(write):
    body = "\n".join([tu("Eins", "One"), "", tu("Zwei", "Two")])
    _, read = units(write("m.tmx", tmx(body)))
    assert [u.line for u in read] == [5, 7]


def test_crlf_and_a_bom(write):
    content = tmx(tu("Zeile\neins", "Line\none")).replace("\n", "\r\n")
    reading, (unit,) = units(write("m.tmx", b"\xef\xbb\xbf" + content.encode("utf-8")))
    assert unit.target.text == "Line\none"
    assert reading.text[Origin(unit.target.anchors).file_offset(5):].startswith("one</seg>")


def test_no_german_english_unit_at_all_names_the_languages_found(write):
    body = '<tu><tuv xml:lang="fr"><seg>maison</seg></tuv><tuv xml:lang="it"><seg>casa</seg></tuv></tu>'
    with pytest.raises(InputError, match="languages found: fr, it"):
        units(write("m.tmx", tmx(body)))


def test_other_languages_can_be_asked_for(write):
    body = '<tu><tuv xml:lang="fr"><seg>maison</seg></tuv><tuv xml:lang="en"><seg>house</seg></tuv></tu>'
    _, (unit,) = units(write("m.tmx", tmx(body)), source_lang="fr")
    assert unit.source.text == "maison"


def test_a_file_that_is_not_tmx_is_refused(write):
    with pytest.raises(InputError, match="not a TMX file"):
        read_tmx(write("m.tmx", '<?xml version="1.0"?><xliff version="1.2"/>'))


def test_not_well_formed_names_line_and_column(write):
    with pytest.raises(InputError, match=r"not well-formed XML: line 5, column \d+"):
        units(write("m.tmx", tmx("<tu><tuv xml:lang='de'><seg>a</tuv></tu>")))


def test_an_xml_bomb_is_refused(write):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
            '<tmx version="1.4"><header/><body><tu><tuv xml:lang="de"><seg>&b;</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match="DOCTYPE with an internal subset"):
        read_tmx(write("bomb.tmx", bomb))


def test_a_word_is_located_at_its_line_and_column(write):
    german = 'Der <bpt i="1">&lt;b&gt;</bpt>Zug<ept i="1">&lt;/b&gt;</ept> &amp;\n  der Bus'
    content = tmx(tu(german, 'The <bpt i="1">&lt;b&gt;</bpt>train<ept i="1">&lt;/b&gt;</ept> &amp;\n  the bus'))
    reading, (unit,) = units(write("m.tmx", content))
    lines = content.split("\n")
    for side, word in ((unit.source, "Zug"), (unit.source, "Bus"), (unit.target, "train"), (unit.target, "bus")):
        line, column = Origin(side.anchors, reading.line_starts).line_col(side.text.index(word))
        assert lines[line - 1][column - 1:].startswith(word), word


PLAIN = st.text(alphabet="aäbßz ÄÜ„“09.,\n€", min_size=1, max_size=10)
PIECES = st.one_of(
    PLAIN.map(lambda t: (t, t)),
    st.sampled_from([("&amp;", "&"), ("&lt;", "<"), ("&#x201C;", "“"), ("\r\n", "\n"),
                     ('<ph x="1">&lt;br/&gt;</ph>', ""), ('<bpt i="2">&lt;b&gt;</bpt>', ""), ("<!--c-->", "")]),
    PLAIN.map(lambda t: (f'<hi x="3">{t}</hi>', t)),
    PLAIN.map(lambda t: (f"<![CDATA[{t}&<]]>", f"{t}&<")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(PIECES, max_size=6), st.booleans()), min_size=1, max_size=5))
def test_every_character_maps_to_its_place_in_the_file(write, contents):
    body = "\n".join(tu("quelle", "".join(r for r, _ in parts), english_first=first) for parts, first in contents)
    reading, read = units(write("p.tmx", tmx(body)))
    assert [u.target.text for u in read] == ["".join(t for _, t in parts) for parts, _ in contents]
    for unit in read:
        where = Origin(unit.target.anchors)
        for offset, char in enumerate(unit.target.text):
            in_file = reading.text[where.file_offset(offset)]
            assert in_file == char or in_file == "&"  # a reference's anchor is its "&"


SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "tmx-memory"


def _targets(path: Path) -> dict[str, tuple[str, tuple]]:
    return {u.id: (u.target.text, tuple(sorted(t.key for t in u.target.tags))) for u in read_tmx(str(path)).units}


def test_sample_defective_memory_differs_from_the_clean_one_exactly_at_the_gold_units():
    gold = json.loads((SAMPLE / "gold.units.json").read_text(encoding="utf-8"))
    clean, defective = _targets(SAMPLE / gold["clean"]), _targets(SAMPLE / gold["defective"])
    assert clean.keys() == defective.keys()
    assert {unit for unit in clean if clean[unit] != defective[unit]} == {d["unit"] for d in gold["defects"]}
    for defect in gold["defects"]:
        text = defective[defect["unit"]][0]
        assert defect["text"] in text if defect["text"] else text == "", defect


def test_sample_memory_skips_the_unit_without_english_and_keeps_codes_paired():
    reading = read_tmx(str(SAMPLE / "clean.tmx"))
    for unit in reading.units:
        assert sorted(t.key for t in unit.source.tags) == sorted(t.key for t in unit.target.tags), unit.id
    assert reading.skipped == {"no English": 1}
