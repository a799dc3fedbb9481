"""Sentence segmentation: hard German/English cases, and offset invariants (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.io import load_text
from qa.segment import segment

GERMAN_CASES = [
    ("Dr. Müller kam an. Er blieb.", ["Dr. Müller kam an.", "Er blieb."]),
    ("Das gilt z. B. für Nr. 5 und ca. 3 Mio. Euro. Danach nicht.",
     ["Das gilt z. B. für Nr. 5 und ca. 3 Mio. Euro.", "Danach nicht."]),
    ("Am 20. Juli 2021 kam er. Am 3. Oktober ging er.",
     ["Am 20. Juli 2021 kam er.", "Am 3. Oktober ging er."]),
    ("„Wir gehen.“ Dann ging sie.", ["„Wir gehen.“", "Dann ging sie."]),
    ("„Kommst du?“, fragte er. Sie nickte.", ["„Kommst du?“, fragte er.", "Sie nickte."]),
    ("Prof. Dr. Schmidt sprach. Die Sitzung endete.",
     ["Prof. Dr. Schmidt sprach.", "Die Sitzung endete."]),
    ("Die Firma wuchs um 12,5 Prozent. Der Umsatz lag bei 4,2 Mrd. Euro.",
     ["Die Firma wuchs um 12,5 Prozent.", "Der Umsatz lag bei 4,2 Mrd. Euro."]),
]

ENGLISH_CASES = [
    ("Dr. Smith arrived. He stayed.", ["Dr. Smith arrived.", "He stayed."]),
    ("The U.S. economy grew 4.2 percent. Mr. Biden spoke.",
     ["The U.S. economy grew 4.2 percent.", "Mr. Biden spoke."]),
    ('"We are leaving," she said. Then she left.', ['"We are leaving," she said.',
                                                     "Then she left."]),
    ("It costs e.g. 3.5 million euros. No more.", ["It costs e.g. 3.5 million euros.", "No more."]),
]


def _sentences(text: str, lang: str) -> list[str]:
    doc = segment(load_text("x.txt", text=text), lang, "x.txt")
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize("text,expected", GERMAN_CASES)
def test_german(text, expected):
    assert _sentences(text, "de") == expected


@pytest.mark.parametrize("text,expected", ENGLISH_CASES)
def test_english(text, expected):
    assert _sentences(text, "en") == expected


def test_headings_and_list_lines_are_their_own_units():
    text = "Überschrift ohne Punkt\nDer erste Satz. Der zweite.\n- Punkt eins\n- Punkt zwei\n"
    doc = segment(load_text("x.txt", text=text), "de", "x.txt")
    assert [s.text for s in doc.sentences] == [
        "Überschrift ohne Punkt", "Der erste Satz.", "Der zweite.", "- Punkt eins",
        "- Punkt zwei"]
    assert [p.kind for p in doc.paragraphs] == ["heading", "text", "list", "list"]
    assert [s.id for s in doc.sentences] == ["p1.s1", "p2.s1", "p2.s2", "p3.s1", "p4.s1"]


def test_soft_wrapped_lines_join():
    text = "Der Präsident sagte am Dienstag,\ndass die Regierung bleibt. Danach ging er.\n"
    assert _sentences(text, "de") == [
        "Der Präsident sagte am Dienstag,\ndass die Regierung bleibt.", "Danach ging er."]


PIECES = st.sampled_from([
    "Der", "die", "Regierung", "Dr.", "z. B.", "Nr.", "Mio.", "ca.", "20.", "Juli", "2021",
    "„Zitat“", "“quote”", "U.S.", "Mr.", "4,2", "3.200", "e.g.", "?", "!", ".", "…", ",",
    "Präsident", "said", "the", "\n", "\n\n", "\r\n", "- ", "1. ", "#", "**", "  ", "\t",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=60), st.sampled_from(["de", "en"]),
       st.sampled_from(["x.txt", "x.md"]))
def test_offset_invariants(pieces, lang, name):
    text = " ".join(pieces)
    if not text.strip():
        return
    doc = segment(load_text(name, text=text), lang, name)
    previous_end = 0
    covered = []
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert s.start < s.end
        assert s.start >= previous_end, "sentences overlap or are out of order"
        assert s.text == s.text.strip()
        previous_end = s.end
        covered.append((s.start, s.end))
    # In plain text nothing but whitespace lies outside the sentences. (In Markdown,
    # code blocks and syntax are outside by design; exactness and order still hold.)
    if name.endswith(".txt"):
        outside = list(doc.text)
        for a, b in covered:
            for k in range(a, b):
                outside[k] = " "
        assert "".join(outside).strip() == ""
    for a, b in doc.markup:
        assert 0 <= a < b <= len(doc.text)


@pytest.mark.parametrize("text,expected", [
    ("Das Fest läuft vom 7. bis 9. Mai und vom 10. bis 12. September. Danach ist Schluss.",
     2),  # ordinals in date ranges are no sentence ends
    ("Er kam am 3. Oktober. 5. Punkt ist wichtig.", 2),  # an ordinal may start a sentence
])
def test_german_ordinals_in_date_ranges_do_not_end_sentences(text, expected):
    from qa.runner import load_document

    assert len(load_document("x.txt", "de", text=text).sentences) == expected


def test_a_run_without_sentence_ends_is_cut_into_bounded_pieces():
    """A pathological run (a 200 KB line, one endless word) becomes pieces of at most
    MAX_SENTENCE_CHARS, cut after a clause mark, else at a space, else at the limit;
    real sentences are far shorter and stay whole."""
    from qa.segment import MAX_SENTENCE_CHARS, split_sentences

    text = "die Regierung legte den Haushalt vor, und " * 5000
    spans = split_sentences(text, 0, len(text), "de")
    assert len(spans) > 100 and all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(text[e - 1] == "," for s, e in spans[:-1])  # after a clause mark
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    word = "A" + "b" * 9_999
    assert [e - s for s, e in split_sentences(word, 0, len(word), "en")] == [2000] * 5
    normal = "Die Regierung legte am Montag den Haushalt vor. " * 3
    assert len(split_sentences(normal, 0, len(normal), "de")) == 3
