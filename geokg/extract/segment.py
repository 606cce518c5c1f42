"""Sentence boundaries at paragraph breaks, set before the parser so it respects them."""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ParagraphBoundaries", "make_paragraph_boundaries"]


class ParagraphBoundaries:
    """Start a sentence after every whitespace token holding a blank line.

    The cleaner joins hard-wrapped lines, so a blank line left in the cleaned text is a real
    paragraph break: a headline with no final full stop must not run into the next paragraph.

    Reads: ``token.text``, ``token.is_space``. Writes: ``token.is_sent_start``.
    """

    def __call__(self, doc: Doc) -> Doc:
        """Mark the token after each blank-line whitespace token as a sentence start."""
        n = len(doc)
        # only whitespace tokens can hold a blank line: find them in the Doc's array
        for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
            if i + 1 < n and "\n\n" in doc[i].text_with_ws:
                doc[i + 1].is_sent_start = True
        return doc


@Language.factory(
    "geokg_paragraphs",
    assigns=["token.is_sent_start"],
    requires=[],
    retokenizes=False,
)
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    """Factory of :class:`ParagraphBoundaries`."""
    return ParagraphBoundaries()
