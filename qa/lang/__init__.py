"""What qa knows about German and English words — one home for it.

Words, not documents: frequency bands (:mod:`~qa.lang.frequency`), the simplemma word
lists (:mod:`~qa.lang.dictionary`), German stems, compounds and "reads as German"
(:mod:`~qa.lang.german`), English (:mod:`~qa.lang.english`), names across languages
(:mod:`~qa.lang.names`), quantities (:mod:`~qa.lang.quantities`), bilingual lexicons
(:mod:`~qa.lang.lexicon`), function words and language detection
(:mod:`~qa.lang.function_words`, :mod:`~qa.lang.detect`). Nothing here imports a check,
a record of the pipeline or a reporter. A run reads it through one
:class:`~qa.lang.lexis.Lexis` object.
"""
