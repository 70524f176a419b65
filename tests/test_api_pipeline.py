"""The public surface and the pipeline mechanism."""
import json

import pytest

import lagebild
from lagebild import analyze
from lagebild.pipeline import DEFAULT_PIPELINE, PipelineError, build, register, run
from lagebild.model import Document
from lagebild.resources import lexicon_version

TEXT = "Emmanuel Macron und Olaf Scholz trafen sich in Berlin. Scholz sagte, man sei sich einig."


def test_public_names():
    assert set(lagebild.__all__) == {
        "analyze", "analyze_path", "read_document",
        "Analysis", "Assessment", "Document", "Evidence", "Measure", "Meeting", "Mention", "Statement", "Topic",
        "LagebildError", "InputError", "NotFoundError", "IsADirectoryInputError", "EmptyInputError",
        "BinaryInputError", "EncodingError", "TooLargeError", "NoArticleTextError", "UnsupportedLanguageError",
        "DataError", "GoldError"}
    for name in lagebild.__all__:
        assert hasattr(lagebild, name)


def test_errors_form_one_tree():
    for name in ("NotFoundError", "EmptyInputError", "UnsupportedLanguageError", "TooLargeError"):
        assert issubclass(getattr(lagebild, name), lagebild.InputError)
    assert issubclass(lagebild.InputError, lagebild.LagebildError)
    assert issubclass(lagebild.DataError, lagebild.LagebildError)


def test_analyze_is_pure():
    a = json.dumps(analyze(TEXT, language="de").to_dict(), sort_keys=True)
    analyze("Ganz anderer Text über Wladimir Putin in Moskau, der von 10 auf 20 Prozent sprach.", language="de")
    b = json.dumps(analyze(TEXT, language="de").to_dict(), sort_keys=True)
    assert a == b
    assert analyze(TEXT, language="de").lexicon_version == lexicon_version()


def test_unsupported_language_from_the_library():
    with pytest.raises(lagebild.UnsupportedLanguageError, match="language fr is not supported yet"):
        analyze("Le président français a reçu le chancelier allemand à Paris pour parler du commerce.")


def test_custom_component_runs_in_order():
    seen = []

    @register("count_people", requires=("mentions",), assigns=("people_count",))
    def count_people(ctx):
        seen.append(sum(1 for m in ctx.mentions if m.kind == "person"))

    comps = build(DEFAULT_PIPELINE[:4] + ("count_people",))
    run(Document(text=TEXT, language="de"), comps)
    assert seen == [3]


def test_component_order_is_checked():
    with pytest.raises(PipelineError, match="requires"):
        build(("boilerplate", "mentions"))
    with pytest.raises(PipelineError, match="unknown pipeline component"):
        build(("boilerplate", "sentences", "nope"))
