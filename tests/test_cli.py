"""The analyze command: formats, several inputs, encodings, HTML, and every kind of bad input."""
import json

from conftest import EXAMPLES, SHARED, run_cli

SEED = SHARED / "seed" / "000_d040036a963fee4a.txt"

REPORT = ("Der französische Präsident Emmanuel Macron hat Bundeskanzler Olaf Scholz am Montag in Paris empfangen. "
          "Das Gespräch dauerte knapp zwei Stunden. Scholz sagte, man sei sich in der Handelspolitik weitgehend einig.\n")


def _err_line(p):
    err = p.stderr.decode()
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    return lines[0]


def test_json_follows_the_output_contract():
    p = run_cli("analyze", SEED, "--format", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) >= {"document", "mentions", "meetings", "measures", "topics", "statements", "assessments"}
    assert out["document"]["text"] == SEED.read_text(encoding="utf-8")
    assert out["document"]["language"] == "de"
    for key in ("id", "title", "author", "published", "genre"):
        assert key in out["document"]
    m = out["meetings"][0]
    for key in ("participants", "place", "country", "occasion", "date", "duration_minutes", "approximate",
                "in_person", "first_since", "evidence"):
        assert key in m
    for f in out["measures"]:
        for key in ("type", "actor", "target", "object", "from", "to", "change", "quantity", "term", "renewal",
                    "status", "attributed_to", "evidence", "component", "rule"):
            assert key in f


def test_every_span_matches_the_text_it_claims():
    p = run_cli("analyze", SEED, "--format", "json")
    out = json.loads(p.stdout)
    text = out["document"]["text"]
    n = 0
    for sec in ("mentions", "statements", "assessments"):
        for f in out[sec]:
            assert text[f["start"]:f["end"]] == f["text"]
            n += 1
    for sec in ("meetings", "measures", "topics"):
        for f in out[sec]:
            assert f["evidence"], f
            for ev in f["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]
                n += 1
    assert n > 50


def test_text_readout_has_all_sections_with_evidence(tmp_path):
    doc = tmp_path / "r.txt"
    doc.write_text(REPORT, encoding="utf-8")
    p = run_cli("analyze", doc)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    for section in ("Meeting", "Measures", "Topics discussed", "Topics not discussed", "Statements", "Assessments"):
        assert section in out
    assert "Emmanuel Macron" in out and "Olaf Scholz" in out
    assert "~120 min" in out
    assert "Das Gespräch dauerte knapp zwei Stunden." in out


def test_several_paths_give_one_json_line_each_in_order(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(REPORT, encoding="utf-8")
    p = run_cli("analyze", SEED, a, "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["document"]["text"].startswith("Nach Jahren wachsender Spannungen")
    assert json.loads(lines[1])["document"]["text"] == REPORT


def test_standard_input(tmp_path):
    p = run_cli("analyze", "-", "--format", "json", input=REPORT.encode())
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["meetings"][0]["place"] == "Paris"


def test_publication_date_resolves_weekdays():
    p = run_cli("analyze", "-", "--format", "json", "--publication-date", "2024-05-08", input=REPORT.encode())
    out = json.loads(p.stdout)
    assert out["document"]["published"] == "2024-05-08"
    assert out["meetings"][0]["date"] == "2024-05-06"  # the Monday before a Wednesday


def test_latin1_file_is_detected():
    p = run_cli("analyze", EXAMPLES / "05_legacy_latin1.txt", "--format", "json")
    assert p.returncode == 0, p.stderr
    text = json.loads(p.stdout)["document"]["text"]
    assert "ö" in text or "ü" in text or "ß" in text
    assert "\ufffd" not in text


def test_explicit_encoding(tmp_path):
    f = tmp_path / "cp.txt"
    f.write_bytes(REPORT.encode("cp1252"))
    p = run_cli("analyze", f, "--encoding", "cp1252", "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["document"]["text"] == REPORT


def test_html_page_gives_main_text_and_metadata():
    p = run_cli("analyze", EXAMPLES / "02_trump_xi_busan_2025.html", "--format", "json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)["document"]
    assert doc["title"]
    assert doc["author"] == "Katrin Oberländer"
    assert doc["published"] == "2025-10-30"
    assert "Cookie" not in doc["text"] and "Impressum" not in doc["text"]
    assert "Busan" in doc["text"]


# --- bad input: one clear line, non-zero exit, nothing on stdout --------------------------------

def test_missing_path():
    p = run_cli("analyze", "/nonexistent/report.txt")
    assert p.returncode != 0 and p.stdout == b""
    assert "no such file" in _err_line(p)


def test_directory(tmp_path):
    p = run_cli("analyze", tmp_path)
    assert p.returncode != 0 and p.stdout == b""
    assert "is a directory" in _err_line(p)


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n")
    p = run_cli("analyze", f)
    assert p.returncode != 0 and p.stdout == b""
    assert "empty" in _err_line(p)


def test_binary_file(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(bytes(range(256)) * 20)
    p = run_cli("analyze", f)
    assert p.returncode != 0 and p.stdout == b""
    assert "binary" in _err_line(p)


def test_invalid_encoding(tmp_path):
    f = tmp_path / "l1.txt"
    f.write_bytes(REPORT.encode("latin-1"))
    p = run_cli("analyze", f, "--encoding", "utf-8")
    assert p.returncode != 0 and p.stdout == b""
    line = _err_line(p)
    assert "not valid utf-8" in line and "--encoding" in line


def test_unknown_encoding_name(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT, encoding="utf-8")
    p = run_cli("analyze", f, "--encoding", "klingon-8")
    assert p.returncode != 0
    assert "unknown encoding" in _err_line(p)


def test_file_over_the_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(REPORT * 50, encoding="utf-8")
    p = run_cli("analyze", f, "--max-size", "1KB")
    assert p.returncode != 0 and p.stdout == b""
    line = _err_line(p)
    assert "over the limit" in line and "--max-size" in line
    assert run_cli("analyze", f, "--max-size", "1MB", "--format", "json").returncode == 0


def test_default_size_limit_is_10_mb(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Wort " * 2_000_001)  # 10,000,005 bytes
    p = run_cli("analyze", f)
    assert p.returncode != 0
    assert "10000000" in _err_line(p)


def test_html_without_article_text(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<!doctype html><html><head><title>Start</title></head><body><nav><a href='/'>Start</a>"
                 "<a href='/a'>Archiv</a></nav><footer>Impressum</footer></body></html>", encoding="utf-8")
    p = run_cli("analyze", f)
    assert p.returncode != 0 and p.stdout == b""
    assert "no article text" in _err_line(p)


def test_unsupported_language(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text("Le président américain a rencontré son homologue chinois jeudi à Busan. Les discussions ont duré "
                 "environ une heure et quarante minutes, selon des responsables.", encoding="utf-8")
    p = run_cli("analyze", f)
    assert p.returncode != 0 and p.stdout == b""
    assert _err_line(p) == "lagebild: error: language fr is not supported yet"


def test_english_is_detected_and_lang_can_be_forced(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("President Donald Trump met President Xi Jinping in Busan on Thursday. The talks lasted about an hour "
                 "and forty minutes, officials said.", encoding="utf-8")
    out = json.loads(run_cli("analyze", f, "--format", "json").stdout)
    assert out["document"]["language"] == "en"
    assert out["meetings"][0]["duration_minutes"] == 100
    forced = run_cli("analyze", f, "--format", "json", "--lang", "de")
    assert json.loads(forced.stdout)["document"]["language"] == "de"
    bad = run_cli("analyze", f, "--lang", "xx")
    assert bad.returncode != 0 and "language xx is not supported yet" in _err_line(bad)


def test_one_bad_input_among_several_prints_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    p = run_cli("analyze", good, tmp_path / "missing.txt", "--format", "jsonl")
    assert p.returncode != 0
    assert p.stdout == b""
    assert "missing.txt" in _err_line(p)


def test_bad_publication_date():
    p = run_cli("analyze", SEED, "--publication-date", "30.10.2025")
    assert p.returncode == 2
    assert "YYYY-MM-DD" in _err_line(p)


def test_unknown_option():
    p = run_cli("analyze", SEED, "--colour")
    assert p.returncode == 2
    assert "--colour" in _err_line(p)


def test_a_bug_is_one_line_not_a_traceback(monkeypatch, capsys, tmp_path):
    """Even an unexpected failure inside the engine prints one line and exits non-zero."""
    import lagebild.api
    from lagebild.cli import main

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(lagebild.api, "analyze_document", broken)
    f = tmp_path / "r.txt"
    f.write_text(REPORT, encoding="utf-8")
    assert main(["analyze", str(f)]) == 70
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error: RuntimeError: boom" in err[0] and "LAGEBILD_DEBUG" in err[0]
