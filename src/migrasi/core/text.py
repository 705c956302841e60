"""Text that looks the same is the same: the one canonical form of every text field.

People type inventories by hand, paste them from spreadsheets and word processors, and save
them from editors that compose letters differently. So every text an inventory or the
data-center file holds (ids, refs, codes, names, owners, notes) is taken in a canonical form
before anything compares, counts or shows it:

- Unicode NFC (``é`` typed as ``e`` + combining accent is the one character ``é``);
- every space separator (the no-break space U+00A0, the narrow no-break space U+202F, the
  figure space U+2007, the ideographic space, ...) becomes an ordinary space;
- zero-width and other invisible characters that only join or split (U+200B-U+200D, U+2060,
  U+FEFF, the soft hyphen U+00AD, U+180E) are removed.

So ``BKPSDM`` and ``BKPSDM`` with a zero-width space inside are one owner, one OPD row; an id
or a code with a no-break space is an ordinary E102 (a space is not allowed there).
"""

from __future__ import annotations

import re
import unicodedata

_REMOVED = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
"""Invisible characters that only join or split: removed."""

_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
"""Every space separator (Unicode category Zs) but the ordinary space."""

_DROP = str.maketrans(dict.fromkeys(_REMOVED))

_PLAIN = re.compile(r"[\x20-\x7e]*\Z")


def canonical(text: str) -> str:
    """``text`` in the canonical form above (plain ASCII comes back as it is, at once)."""
    if _PLAIN.match(text):
        return text
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text.translate(_DROP)))
