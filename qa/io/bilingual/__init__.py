"""Bilingual files (XLIFF 1.2/2.0, PO, TMX) read as streams of translation units
(:mod:`qa.io.bilingual.units`); :mod:`qa.bilingual` checks them."""
