"""Errors raised by lagebild.

    LagebildError                 base of everything the library raises on purpose
    ├── InputError                the input cannot be analysed (the message names the fix)
    │   ├── NotFoundError         path does not exist
    │   ├── IsADirectoryInputError path is a directory
    │   ├── EmptyInputError       file or text is empty
    │   ├── BinaryInputError      bytes are not text
    │   ├── EncodingError         text cannot be decoded with the given or detected encoding
    │   ├── TooLargeError         file exceeds the size limit
    │   ├── NoArticleTextError    an HTML page without article text
    │   └── UnsupportedLanguageError  the text is in a language without rules yet
    ├── DataError                 a lexicon or pattern file is malformed
    └── GoldError                 a gold file does not match its document
"""


class LagebildError(Exception):
    """Base class of all errors raised by lagebild on purpose."""


class InputError(LagebildError):
    """The input cannot be analysed."""


class NotFoundError(InputError):
    pass


class IsADirectoryInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLargeError(InputError):
    pass


class NoArticleTextError(InputError):
    pass


class UnsupportedLanguageError(InputError):
    def __init__(self, language: str):
        self.language = language
        super().__init__(f"language {language} is not supported yet")


class DataError(LagebildError):
    """A lexicon, pattern or settings file is malformed."""


class GoldError(LagebildError):
    """A gold file does not fit its document."""
