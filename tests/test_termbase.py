"""Termbase files: CSV/TSV columns and variants, TBX-Basic and TBX v3, clear errors."""

from __future__ import annotations

import pytest

from qa.errors import InputError
from qa.termbase import load_termbase

TBX_BASIC = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">lower house of the French parliament</descrip>
  <langSet xml:lang="de"><tig><term>Nationalversammlung</term></tig></langSet>
  <langSet xml:lang="en">
    <tig><term>National Assembly</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>national parliament</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
</body></text></martif>"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Min" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="1">
  <langSec xml:lang="de"><termSec><term>Verteidigungsrat</term></termSec></langSec>
  <langSec xml:lang="en-GB"><termSec><term>Defence Council</term></termSec>
    <termSec><term>Defense Council</term><administrativeStatus>forbidden</administrativeStatus></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>"""


def test_csv_variants_forbidden_and_case(write):
    tb = load_termbase(write("t.csv", "de,en,forbidden,note,case\n"
                                      "WhatsApp,WhatsApp,Whatsapp,brand,yes\n"
                                      "Regierungssprecher,government spokesman|government "
                                      "spokeswoman,,,\n"))
    first, second = tb.entries
    assert first.case_sensitive and first.forbidden == ("Whatsapp",)
    assert second.en == ("government spokesman", "government spokeswoman")
    assert not second.case_sensitive


def test_tsv(write):
    tb = load_termbase(write("t.tsv", "de\ten\nKursziel\tprice target\n"))
    assert tb.entries[0].en == ("price target",)


def test_tbx_basic(write):
    tb = load_termbase(write("t.tbx", TBX_BASIC))
    entry = tb.entries[0]
    assert entry.de == ("Nationalversammlung",)
    assert entry.en == ("National Assembly",)
    assert entry.forbidden == ("national parliament",)
    assert "French parliament" in entry.note


def test_tbx_v3_namespaced(write):
    entry = load_termbase(write("t.tbx", TBX_V3)).entries[0]
    assert entry.en == ("Defence Council",) and entry.forbidden == ("Defense Council",)


@pytest.mark.parametrize("name,content,needle", [
    ("t.csv", "german,english\nA,B\n", "'de' and 'en'"),
    ("t.csv", "de,en\n,Foo\n", "no German term"),
    ("t.csv", "de,en\n", "no entries"),
    ("t.tbx", "<martif><text>", "not a valid TBX"),
    ("t.tbx", '<!DOCTYPE x [<!ENTITY a "aaaa">]><martif>&a;</martif>', "not a valid TBX"),
    ("t.xlsx", "x", "unsupported termbase type"),
])
def test_errors_name_the_file(write, name, content, needle):
    path = write(name, content)
    with pytest.raises(InputError) as err:
        load_termbase(path)
    assert needle in str(err.value) and path in str(err.value)
