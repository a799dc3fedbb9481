"""Cache files of qa.paths: written whole, and known again only while they are the file
qa wrote (a stamp beside each)."""

from __future__ import annotations

import os

from qa.paths import cache_is_intact, save_atomically


def test_a_saved_cache_is_intact_until_anything_replaces_or_changes_it(tmp_path):
    path = tmp_path / "sub" / "words.marisa"
    assert save_atomically(path, lambda name: open(name, "wb").write(b"trie bytes"))
    assert path.read_bytes() == b"trie bytes" and cache_is_intact(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["words.marisa", "words.marisa.ok"]
    path.write_bytes(b"trie bytez")  # same size, written over
    os.utime(path, ns=(1, 1))
    assert not cache_is_intact(path)
    save_atomically(path, lambda name: open(name, "wb").write(b"again"))
    assert cache_is_intact(path)
    path.unlink()
    path.write_bytes(b"again")  # another file under the name
    assert not cache_is_intact(path)


def test_a_cache_without_its_stamp_or_with_a_garbled_one_is_not_intact(tmp_path):
    path = tmp_path / "words.marisa"
    path.write_bytes(b"copied in from elsewhere")
    assert not cache_is_intact(path)
    (tmp_path / "words.marisa.ok").write_bytes(b"\xff\xfe not a stamp")
    assert not cache_is_intact(path)
    assert not cache_is_intact(tmp_path / "missing.marisa")
