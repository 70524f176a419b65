"""lagebild: German and English news reports about diplomatic events → a sourced situation picture.

    >>> from lagebild import analyze
    >>> a = analyze("Trump und Xi trafen sich in Busan.", published="2025-10-30")
    >>> a.meetings[0].place
    'Busan'
"""
from .api import analyze, read_document, analyze_path
from .errors import (BinaryInputError, DataError, EmptyInputError, EncodingError, GoldError, InputError,
                     IsADirectoryInputError, LagebildError, NoArticleTextError, NotFoundError, TooLargeError,
                     UnsupportedLanguageError)
from .model import Analysis, Assessment, Document, Evidence, Measure, Meeting, Mention, Statement, Topic

__version__ = "0.1.0"

__all__ = [
    "analyze", "analyze_path", "read_document",
    "Analysis", "Assessment", "Document", "Evidence", "Measure", "Meeting", "Mention", "Statement", "Topic",
    "LagebildError", "InputError", "NotFoundError", "IsADirectoryInputError", "EmptyInputError",
    "BinaryInputError", "EncodingError", "TooLargeError", "NoArticleTextError", "UnsupportedLanguageError",
    "DataError", "GoldError",
]
