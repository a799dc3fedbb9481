"""XLIFF 1.2 and 2.0 reading: units, text, inline codes, anchors, languages and refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.errors import InputError
from qa.io.bilingual.xliff import read_xliff
from qa.model import Origin

NS12 = ' xmlns="urn:oasis:names:tc:xliff:document:1.2"'
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


def xliff12(body: str, *, namespace: str = NS12, source: str = "de", target: str = "en-US",
            files: int = 1) -> str:
    file = (f'<file original="f{{n}}.html" source-language="{source}" target-language="{target}" '
            f'datatype="html"><body>\n{body}\n</body></file>\n')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"{namespace}>\n'
            + "".join(file.replace("{n}", str(n)) for n in range(1, files + 1)) + "</xliff>\n")


def xliff20(body: str, *, source: str = "de-DE", target: str = "en-GB") -> str:
    return (f'<?xml version="1.0"?>\n<xliff xmlns="{NS20}" version="2.0" srcLang="{source}" '
            f'trgLang="{target}">\n<file id="f1">\n{body}\n</file>\n</xliff>\n')


def units(path: str):
    reading = read_xliff(path)
    return reading, list(reading.units)


# --- XLIFF 1.2 structure ---------------------------------------------------------------

@pytest.mark.parametrize("namespace", [NS12, ""], ids=["namespace", "no-namespace"])
def test_12_units_are_read_with_or_without_the_namespace(write, namespace):
    path = write("a.xlf", xliff12('<trans-unit id="t1"><source>Hallo Welt</source>'
                                  '<target state="translated">Hello world</target></trans-unit>',
                                  namespace=namespace))
    reading, read = units(path)
    assert reading.format == "xliff-1.2"
    assert [(u.id, u.source.text, u.target.text, u.state) for u in read] == [
        ("t1", "Hallo Welt", "Hello world", "translated")]


def test_a_prefixed_namespace_is_read(write):
    content = ('<?xml version="1.0"?>\n<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
               '<x:file original="a" source-language="de" target-language="en"><x:body>\n'
               '<x:trans-unit id="1"><x:source>A <x:g id="1">b</x:g></x:source><x:target>A <x:g id="1">b</x:g>'
               '</x:target></x:trans-unit></x:body></x:file></x:xliff>')
    _, (unit,) = units(write("a.xlf", content))
    assert (unit.target.text, [t.kind for t in unit.target.tags]) == ("A b", ["g"])

def test_12_languages_come_from_the_file_element(write):
    reading, _ = units(write("a.xlf", xliff12("", source="de-AT", target="en-GB")))
    assert (reading.source_lang, reading.target_lang) == ("de-AT", "en-GB")


def test_cdata_is_text(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source><![CDATA[if a < b & c]]> dann</source>'
                                  '<target>if a &lt; b</target></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.source.text == "if a < b & c dann"


def test_entities_and_character_references_are_decoded(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>A &amp; B &#x201E;C&#x201C; &#228;</source>'
                                  '<target>A &amp; B &#x201C;C&#x201D; &quot;&apos;&gt;</target></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.source.text == "A & B „C“ ä"
    assert unit.target.text == "A & B “C” \"'>"


def test_a_utf8_bom_is_removed_and_offsets_count_from_after_it(write):
    content = xliff12('<trans-unit id="1"><source>Straße</source><target>street</target></trans-unit>')
    reading, (unit,) = units(write("a.xlf", b"\xef\xbb\xbf" + content.encode("utf-8")))
    assert reading.text == content
    assert reading.text[unit.target.anchors[0][1]:].startswith("street")


def test_utf16_with_a_bom_is_read(write):
    content = xliff12('<trans-unit id="1"><source>Größe</source><target>size</target></trans-unit>')
    content = content.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    _, (unit,) = units(write("a.xlf", content.encode("utf-16")))
    assert (unit.source.text, unit.target.text) == ("Größe", "size")


def test_the_declared_encoding_is_respected(write):
    content = xliff12('<trans-unit id="1"><source>Größe</source><target>size</target></trans-unit>')
    content = content.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    _, (unit,) = units(write("a.xlf", content.encode("latin-1")))
    assert unit.source.text == "Größe"


def test_crlf_line_ends_read_as_lf_and_lines_count_right(write):
    content = xliff12('<trans-unit id="1">\n<source>Zeile eins\nZeile zwei</source>\n'
                      '<target>Line one\nline two</target>\n</trans-unit>').replace("\n", "\r\n")
    reading, (unit,) = units(write("a.xlf", content))
    assert unit.target.text == "Line one\nline two"
    line, column = Origin(unit.target.anchors, reading.line_starts).line_col(unit.target.text.index("line two"))
    assert (line, column) == (8, 1)
    assert unit.line == 4


@pytest.mark.parametrize("empty", ["<target/>", "<target></target>", '<target state="new"> </target>'])
def test_an_empty_target_is_an_empty_segment(write, empty):
    _, (unit,) = units(write("a.xlf", xliff12(f'<trans-unit id="1"><source>Text</source>{empty}</trans-unit>')))
    assert unit.target is not None and unit.target.text.strip() == ""


def test_a_missing_target_is_none(write):
    _, (unit,) = units(write("a.xlf", xliff12('<trans-unit id="1"><source>Text</source></trans-unit>')))
    assert unit.target is None and unit.state is None


def test_a_target_state_is_kept(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>Text</source>'
                                  '<target state="needs-translation"/></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.state == "needs-translation"


def test_nested_inline_codes_become_tags_and_g_content_is_text(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source><g id="1">a <g id="2">b</g> <x id="3"/></g>c'
                                  '</source><target>x</target></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.source.text == "a b c"
    assert [(t.kind, t.id, t.offset, t.end) for t in unit.source.tags] == [
        ("g", "1", 0, 4), ("g", "2", 2, 3), ("x", "3", 4, 4)]


def test_native_code_inside_ph_bpt_ept_is_not_text(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>A<ph id="1">&lt;br/&gt;</ph>B '
                                  '<bpt id="2">&lt;b&gt;</bpt>fett<ept id="2">&lt;/b&gt;</ept> '
                                  '<it id="3" pos="open">&lt;i&gt;</it>C<bx id="4"/>D<ex id="4"/></source>'
                                  '</trans-unit>'))
    _, (unit,) = units(path)
    assert unit.source.text == "AB fett CD"
    assert [(t.kind, t.offset) for t in unit.source.tags] == [
        ("ph", 1), ("bpt", 3), ("ept", 7), ("it", 8), ("bx", 9), ("ex", 10)]


def test_mrk_content_is_text_without_a_tag(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>Der <mrk mtype="term">Bundestag</mrk> tagt'
                                  '</source></trans-unit>'))
    _, (unit,) = units(path)
    assert (unit.source.text, unit.source.tags) == ("Der Bundestag tagt", ())


def test_seg_source_sentences_are_units_paired_by_mid(write):
    path = write("a.xlf", xliff12(
        '<trans-unit id="7"><source>Eins. Zwei.</source>'
        '<seg-source><mrk mtype="seg" mid="1">Eins.</mrk> <mrk mtype="seg" mid="2">Zwei.</mrk></seg-source>'
        '<target state="translated"><mrk mtype="seg" mid="2">Two.</mrk> '
        '<mrk mtype="seg" mid="1">One.</mrk></target></trans-unit>'))
    _, read = units(path)
    assert [(u.id, u.source.text, u.target.text) for u in read] == [("7/1", "Eins.", "One."), ("7/2", "Zwei.", "Two.")]


def test_a_seg_source_sentence_without_its_target_mrk_has_no_target(write):
    path = write("a.xlf", xliff12(
        '<trans-unit id="7"><source>Eins. Zwei.</source>'
        '<seg-source><mrk mtype="seg" mid="1">Eins.</mrk> <mrk mtype="seg" mid="2">Zwei.</mrk></seg-source>'
        '<target><mrk mtype="seg" mid="1">One.</mrk></target></trans-unit>'))
    _, read = units(path)
    assert [u.target.text if u.target else None for u in read] == ["One.", None]


def test_translate_no_units_are_skipped_and_counted(write):
    path = write("a.xlf", xliff12(
        '<trans-unit id="1" translate="no"><source>Logo</source></trans-unit>\n'
        '<group translate="no"><trans-unit id="2"><source>Code</source></trans-unit></group>\n'
        '<trans-unit id="3"><source>Text</source><target>text</target></trans-unit>'))
    reading, read = units(path)
    assert [u.id for u in read] == ["3"]
    assert reading.skipped == {"translate=no": 2}


def test_alt_trans_targets_are_not_the_units_target(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>Haus</source>'
                                  '<alt-trans><source>Haus</source><target>building</target></alt-trans>'
                                  '<target>house</target></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.target.text == "house"


def test_a_unit_in_a_comment_is_not_mistaken_for_the_next(write):
    path = write("a.xlf", xliff12('<!-- <trans-unit id="0"><source>alt</source><target>old</target></trans-unit> -->\n'
                                  '<trans-unit id="1"><source>neu</source><target>new</target></trans-unit>'))
    reading, (unit,) = units(path)
    assert reading.text[unit.target.anchors[0][1]:].startswith("new</target>")


def test_several_files_prefix_unit_ids_with_the_original(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>A</source><target>A</target></trans-unit>', files=2))
    _, read = units(path)
    assert [u.id for u in read] == ["f1.html/1", "f2.html/1"]


def test_note_and_line_of_the_unit(write):
    path = write("a.xlf", xliff12('\n\n<trans-unit id="1">\n<source>A</source><note>Bitte prüfen</note>'
                                  '</trans-unit>'))
    _, (unit,) = units(path)
    assert (unit.note, unit.line) == ("Bitte prüfen", 6)


def test_notes_of_an_alt_trans_are_not_the_units_note(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>Haus</source><target>house</target>'
                                  '<note>Gebäude</note><alt-trans><target>home</target><note>fuzzy 80%</note>'
                                  '</alt-trans></trans-unit>'))
    _, (unit,) = units(path)
    assert unit.note == "Gebäude"


def test_a_file_without_original_is_named_by_its_place(write):
    content = xliff12('<trans-unit id="1"><source>A</source></trans-unit>', files=2).replace(' original="f2.html"', "")
    _, read = units(write("a.xlf", content))
    assert [u.id for u in read] == ["f1.html/1", "file-2/1"]


def test_nested_segments_are_refused_in_one_line(write):
    path = write("a.xlf", xliff12(
        '<trans-unit id="1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A. '
        '<mrk mtype="seg" mid="2">B.</mrk></mrk></seg-source></trans-unit>'))
    with pytest.raises(InputError, match="nests one segment inside another"):
        units(path)


# --- XLIFF 2.0 ------------------------------------------------------------------------

def test_20_segments_are_units_with_state_and_ids(write):
    path = write("a.xlf", xliff20(
        '<unit id="u1"><notes><note>UI label</note></notes>'
        '<segment id="s1" state="translated"><source>Eins.</source><target>One.</target></segment>'
        '<ignorable><source> </source></ignorable>'
        '<segment id="s2"><source>Zwei.</source></segment></unit>\n'
        '<unit id="u2"><segment state="final"><source>Drei</source><target>Three</target></segment></unit>'))
    reading, read = units(path)
    assert (reading.format, reading.source_lang, reading.target_lang) == ("xliff-2.0", "de-DE", "en-GB")
    assert [(u.id, u.source.text, u.target.text if u.target else None, u.state, u.note) for u in read] == [
        ("u1/s1", "Eins.", "One.", "translated", "UI label"), ("u1/s2", "Zwei.", None, None, "UI label"),
        ("u2", "Drei", "Three", "final", "")]


def test_20_inline_codes_pc_ph_sc_ec(write):
    path = write("a.xlf", xliff20(
        '<unit id="u1"><segment><source><pc id="1">fett <ph id="2"/></pc> <sc id="3"/>kursiv<ec startRef="3"/>'
        ' <mrk id="m1" type="term">Wort</mrk><sm id="m2"/>x<em startRef="m2"/></source></segment></unit>'))
    _, (unit,) = units(path)
    assert unit.source.text == "fett  kursiv Wortx"
    assert [(t.kind, t.id, t.offset, t.end) for t in unit.source.tags] == [
        ("pc", "1", 0, 5), ("ph", "2", 5, 5), ("sc", "3", 6, 6), ("ec", "3", 12, 12)]
    assert unit.source.tags[2].key == unit.source.tags[3].key


def test_20_translate_no_is_inherited_from_a_group(write):
    path = write("a.xlf", xliff20(
        '<group id="g" translate="no"><unit id="u1"><segment><source>A</source></segment></unit></group>'
        '<unit id="u2"><segment><source>B</source></segment></unit>'))
    reading, read = units(path)
    assert [u.id for u in read] == ["u2"] and reading.skipped == {"translate=no": 1}


# --- refusals -------------------------------------------------------------------------

def test_not_well_formed_names_line_and_column(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>A</source>\n<target>B</tärget></trans-unit>'))
    with pytest.raises(InputError, match=r"not well-formed XML: line 5, column \d+") as error:
        units(path)
    assert "\n" not in str(error.value)


def test_an_undefined_entity_is_refused_with_its_line(write):
    path = write("a.xlf", xliff12('<trans-unit id="1"><source>A&nbsp;B</source></trans-unit>'))
    with pytest.raises(InputError, match=r"line 4, column \d+:.*nbsp"):
        units(path)


def test_an_xml_bomb_is_refused_in_one_line(write):
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    bomb = (f'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY lol0 "lol">{lol}]>\n'
            f'<xliff version="1.2"{NS12}><file source-language="de" target-language="en"><body>'
            f'<trans-unit id="1"><source>&lol9;</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match="DOCTYPE with an internal subset") as error:
        units(write("bomb.xlf", bomb))
    assert "\n" not in str(error.value)


def test_a_wrong_language_pair_names_the_languages(write):
    with pytest.raises(InputError, match="fr-FR → en"):
        read_xliff(write("a.xlf", xliff12("", source="fr-FR", target="en")))


def test_a_wrong_20_target_language_is_refused(write):
    with pytest.raises(InputError, match="de → es"):
        read_xliff(write("a.xlf", xliff20("", source="de", target="es")))


def test_a_later_file_with_other_languages_is_refused(write):
    content = xliff12('<trans-unit id="1"><source>A</source></trans-unit>', files=2)
    content = content.replace('original="f2.html" source-language="de"', 'original="f2.html" source-language="it"')
    with pytest.raises(InputError, match="it → en-US"):
        units(write("a.xlf", content))


def test_a_file_that_is_not_xliff_is_refused(write):
    with pytest.raises(InputError, match="not an XLIFF file"):
        read_xliff(write("a.xlf", '<?xml version="1.0"?><html><body/></html>'))


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_xliff(str(tmp_path / "none.xlf"))


# --- anchors --------------------------------------------------------------------------

def test_a_word_of_the_target_is_located_at_its_line_and_column_in_the_file(write):
    content = xliff12('<trans-unit id="1">\n  <source>Der Minister</source>\n'
                      '  <target>The &#x201C;<g id="1">minister</g>&#x201D; &amp;\n'
                      '    <x id="2"/>his <![CDATA[<b>]]>aide</target>\n</trans-unit>')
    reading, (unit,) = units(write("a.xlf", content))
    where = Origin(unit.target.anchors, reading.line_starts)
    lines = content.split("\n")
    for word in ("minister", "his", "aide", "<b>"):
        line, column = where.line_col(unit.target.text.index(word))
        assert lines[line - 1][column - 1:].startswith(word), word


#: pieces of segment content: (raw XML, text it reads as)
PLAIN = st.text(alphabet="aäbßcz ÄÖÜ„“0123456789.,\n\t€", min_size=1, max_size=12)
REFERENCES = st.sampled_from([("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'),
                              ("&apos;", "'"), ("&#x201C;", "“"), ("&#228;", "ä"), ("\r\n", "\n")])
CODES = st.sampled_from([('<x id="1"/>', ""), ('<ph id="2">&lt;br/&gt;</ph>', ""),
                         ('<bpt id="3">&lt;b&gt;</bpt>', ""), ("<!-- note -->", ""), ("<?pi x?>", "")])
CDATA = PLAIN.map(lambda t: (f"<![CDATA[{t}<&]]>", f"{t}<&"))
PIECES = st.recursive(
    st.one_of(PLAIN.map(lambda t: (t, t)), REFERENCES, CODES, CDATA),
    lambda inner: st.lists(inner, max_size=4).map(
        lambda parts: ('<g id="9">' + "".join(r for r, _ in parts) + "</g>", "".join(t for _, t in parts))),
    max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(PIECES, max_size=8), min_size=1, max_size=5))
def test_every_character_maps_to_its_place_in_the_file(write, contents):
    body = "".join(f'<trans-unit id="{n}"><source>s</source><target>{"".join(r for r, _ in parts)}</target>'
                   f"</trans-unit>\n" for n, parts in enumerate(contents))
    reading, read = units(write("p.xlf", xliff12(body)))
    assert [u.target.text for u in read] == ["".join(t for _, t in parts) for parts in contents]
    for unit in read:
        where = Origin(unit.target.anchors)
        for offset, char in enumerate(unit.target.text):
            at = where.file_offset(offset)
            in_file = reading.text[at]
            if in_file != char:  # a reference: its anchor is the "&"
                assert in_file == "&"
                assert _decode(reading.text[at:reading.text.index(";", at) + 1]) == char


def _decode(reference: str) -> str:
    named = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
    if reference in named:
        return named[reference]
    number = re.fullmatch(r"&#(x?)([0-9A-Fa-f]+);", reference)
    return chr(int(number.group(2), 16 if number.group(1) else 10))


# --- the sample corpora ---------------------------------------------------------------

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def _targets(path: Path) -> dict[str, tuple[str | None, tuple]]:
    return {u.id: (u.target.text if u.target else None, tuple(sorted(t.key for t in u.target.tags)) if u.target else ())
            for u in read_xliff(str(path)).units}


@pytest.mark.parametrize("folder, version", [("xliff-newsroom", "xliff-1.2"), ("xliff2-ui", "xliff-2.0")])
def test_sample_defective_file_differs_from_the_clean_one_exactly_at_the_gold_units(folder, version):
    gold = json.loads((CORPORA / folder / "gold.units.json").read_text(encoding="utf-8"))
    assert read_xliff(str(CORPORA / folder / gold["defective"])).format == version == gold["format"]
    clean, defective = _targets(CORPORA / folder / gold["clean"]), _targets(CORPORA / folder / gold["defective"])
    assert clean.keys() == defective.keys()
    assert {unit for unit in clean if clean[unit] != defective[unit]} == {d["unit"] for d in gold["defects"]}
    for defect in gold["defects"]:
        text = defective[defect["unit"]][0]
        assert defect["text"] in text if defect["text"] else text == "", defect


@pytest.mark.parametrize("folder", ["xliff-newsroom", "xliff2-ui"])
def test_sample_clean_file_keeps_every_inline_code_of_the_source(folder):
    for unit in read_xliff(str(CORPORA / folder / "clean.xlf")).units:
        assert sorted(t.key for t in unit.source.tags) == sorted(t.key for t in unit.target.tags), unit.id

