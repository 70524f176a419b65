"""Numbers, quantities, durations and dates as the extractors see them."""
import datetime as dt

import pytest

from lagebild.extract.dates import DateFinder
from lagebild.extract.numbers import NumberParser, find_quantities
from lagebild.resources import load
from lagebild.text import tokens

DE = load("de")
P = NumberParser(DE)


def q(text):
    return [(x.value, x.unit, x.minutes, x.approximate, x.iso) for x in find_quantities(tokens(text), P) if x.unit]


@pytest.mark.parametrize("word,value", [("zwölf", 12), ("eineinhalb", 1.5), ("anderthalb", 1.5),
                                        ("fünfundzwanzig", 25), ("dreihundert", 300), ("zweitausend", 2000),
                                        ("einhundertzwanzig", 120), ("neunzig", 90)])
def test_number_words(word, value):
    assert P.word(word) == value


def test_money_with_scale_words():
    assert q("Investitionen von 750 Milliarden Dollar")[0][:2] == (750_000_000_000, "USD")
    assert q("ein Paket über 2,5 Mrd. Euro")[0][:2] == (2_500_000_000, "EUR")
    assert q("zusätzlich zwölf Millionen Tonnen Sojabohnen")[0][:2] == (12_000_000, "t")


def test_percent_and_percentage_points():
    assert q("um zehn Prozentpunkte")[0][:2] == (10, "percentage_points")
    assert q("auf 47 Prozent")[0][:2] == (47, "percent")
    assert q("auf 15 %")[0][:2] == (15, "percent")


@pytest.mark.parametrize("text,minutes,approx", [
    ("rund 100 Minuten", 100, True), ("eine Stunde und 40 Minuten", 100, False),
    ("knapp zwei Stunden", 120, True), ("eineinhalb Stunden", 90, False), ("fast drei Stunden", 180, True),
    ("mehr als vier Stunden", 240, True)])
def test_durations(text, minutes, approx):
    (v, unit, m, a, iso), = q(text)
    assert unit == "duration" and m == minutes and a == approx


def test_adjectival_terms():
    assert q("eine einjährige, jährlich verlängerbare Vereinbarung")[0][4] == "P1Y"
    assert q("die 90-tägige Zollpause")[0][4] == "P90D"
    assert q("ein dreistündiges Treffen")[0][2] == 180


def test_german_thousands_separator():
    assert q("1.000 Gefangene")[0][:2] == (1000, "people")


def test_dates_absolute_and_relative():
    f = DateFinder(DE)
    pub = dt.date(2025, 10, 31)  # a Friday
    found = {d.value for d in f.find("Am Donnerstag, dem 30. Oktober 2025, trafen sie sich; gestern folgte ein Telefonat.", 0, pub)}
    assert "2025-10-30" in found
    assert "2025-10-30" in {d.value for d in f.find("am Donnerstag", 0, pub)}
    assert {d.value for d in f.find("gestern", 0, pub)} == {"2025-10-30"}
    assert {d.value for d in f.find("am 12.05.2025", 0, None)} == {"2025-05-12"}
    assert {(d.value, d.precision) for d in f.find("erstmals seit 2019", 0, None)} == {("2019", "year")}


def test_day_month_without_year_takes_the_publication_year():
    f = DateFinder(DE)
    assert [d.value for d in f.find("am 15. August", 0, dt.date(2025, 8, 17))] == ["2025-08-15"]
    assert [d.value for d in f.find("am 15. August", 0, None)] == [None]
