"""Vocabulary of the words and signs written around a number: hedges and error-bar signs."""

from __future__ import annotations

import re
from typing import Final

# Words that hedge the number after them ('approximately 0.4', 'circa 2001'), each before
# any word that is its prefix ('approx.' before 'approx'), so an alternation takes it whole.
# The value grammar's HEDGE terminal holds the same words, and every reading pattern that
# allows a hedge is compiled from HEDGE (tests/test_vocab_numbers.py keeps them equal).
HEDGE_ADVERBS: Final = ("approximately", "approx.", "approx", "roughly", "around", "about", "nearly",
                        "near", "almost", "circa", "ca.")
HEDGE_SIGNS: Final = ("~", "≈", "∼", "≃")
HEDGE: Final = "(?<![A-Za-z])(?:" + "|".join(re.escape(word) for word in HEDGE_ADVERBS) + ")(?![A-Za-z])"
"""A hedge word as a regex fragment, whole ('near' is no hedge inside 'linear'); no group, no
flags: the pattern around it sets them."""
# Words that place a sentence in a sequence before its lead x ('Finally, at 800 seconds, ...').
SEQUENCE_ADVERBS: Final = ("finally", "then", "later", "eventually", "initially", "subsequently",
                           "afterwards", "afterward", "lastly", "next", "thereafter", "meanwhile")
SEQUENCE_ADVERB: Final = "(?:" + "|".join(SEQUENCE_ADVERBS) + r"),?\s+"
"""A sequence adverb and its comma as a regex fragment (no group, no flags)."""
# Signs that put an error bar's half-width after a value ('71 ± 3', '0.5 +/- 0.1'): the
# statement reader and explain's 'uncertainty' rejection read the same signs.
UNCERTAINTY_SIGNS = ("±", "+/-", "+-")
UNCERTAINTY_SIGN = "(?:" + "|".join(re.escape(sign) for sign in UNCERTAINTY_SIGNS) + ")"
# Abbreviations whose full stop ends no sentence ('Bouwens et al. (2014)', 'A vs. B'): a
# label's text is cut at its first sentence stop, and never after one of these; those before
# a number ('Fig. 3', 'No. 7') only when a number follows ('Voted No.' ends its sentence).
ABBREVIATIONS: Final = ("al", "etc", "vs", "Inc", "Co", "e.g", "i.e", "approx", "ca")
NUMBER_ABBREVIATIONS: Final = ("No", "Fig")
NOT_AFTER_ABBREVIATION: Final = "".join(rf"(?<!\b{re.escape(word)})" for word in ABBREVIATIONS)
"""Lookbehinds, one per abbreviation, to put before a pattern's full stop (fixed width: linear)."""
SENTENCE_STOP: Final = (NOT_AFTER_ABBREVIATION + r"(?:"
                        + "".join(rf"(?<!\b{word})" for word in NUMBER_ABBREVIATIONS) + r"\. |(?:"
                        + "|".join(rf"(?<=\b{word})" for word in NUMBER_ABBREVIATIONS) + r")\. (?!\d))")
"""A full stop and space that end a sentence: not after an abbreviation ('et al. '), nor
after 'Fig.' or 'No.' before a number."""
