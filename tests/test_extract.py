"""Extraction on short reports written for these tests (not from the gold corpus)."""
from lagebild import analyze


def A(text, **kw):
    return analyze(text, language="de", **kw)


def test_people_states_capitals_demonyms_organisations():
    a = A("Der japanische Regierungschef Shigeru Ishiba reiste nach Washington. Tokio hofft auf Zugeständnisse "
          "der Vereinigten Staaten im Rahmen der WTO-Regeln, und ein Sprecher in Peking äußerte sich zum Russlandgeschäft.")
    got = {(m.kind, m.text, m.id) for m in a.mentions}
    assert ("person", "Shigeru Ishiba", None) in got
    assert ("actor", "japanische", "JPN") in got
    assert ("place", "Washington", "USA") in got
    assert ("actor", "Tokio", "JPN") in got
    assert ("actor", "Vereinigten Staaten", "USA") in got
    assert ("organization", "WTO", "WTO") in got
    assert ("place", "Peking", "CHN") in got
    assert ("actor", "Russland", "RUS") in got


def test_unknown_person_after_a_role_and_later_by_surname():
    a = A("Der brasilianische Außenminister Mauro Vieira traf in Brasília ein. Vieira sprach von Fortschritten.")
    people = [m for m in a.mentions if m.kind == "person"]
    assert [p.text for p in people] == ["Mauro Vieira", "Vieira"]
    assert people[0].actor == "BRA"


def test_common_words_are_not_places():
    a = A("Am Ende wurden große Mengen Soja verschifft, mit Zug und Schiff.")
    assert not [m for m in a.mentions if m.kind == "place"]


def test_meeting_with_place_occasion_duration_and_first_since():
    a = A("Indiens Premierminister Narendra Modi und Xi Jinping haben sich am Rande des SCO-Gipfels in Tianjin "
          "getroffen, zum ersten Mal seit 2018 in China. Ihr Gespräch dauerte knapp eine Stunde.")
    (m,) = a.meetings
    assert {p.id for p in m.participants} == {"Q1058", "Q15031"}
    assert m.place == "Tianjin" and m.country == "CHN"
    assert m.occasion == "SCO-Gipfel"
    assert m.duration_minutes == 60 and m.approximate is True
    assert m.first_since == 2018 and m.in_person is True


def test_phone_call_is_not_in_person():
    a = A("Olaf Scholz hat mit Wladimir Putin telefoniert. Das Telefonat dauerte etwa eine Stunde.")
    (m,) = a.meetings
    assert m.in_person is False and m.duration_minutes == 60


def test_planned_meeting_is_not_a_meeting():
    a = A("Donald Trump und Wladimir Putin wollen sich im kommenden Monat in Budapest treffen.")
    assert a.meetings == []


def test_tariff_cut_with_from_and_to():
    a = A("Die US-Regierung kündigte an, die Zölle auf kanadische Stahlimporte von 50 auf 25 Prozent zu senken.")
    (m,) = a.measures
    assert m.type == "tariff_change" and m.actor == "USA" and m.target == "CAN"
    assert m.from_ == {"value": 50, "unit": "percent"} and m.to == {"value": 25, "unit": "percent"}
    assert m.status == "announced"


def test_change_in_percentage_points_is_signed():
    a = A("Die Europäische Union senkt ihre Zölle auf amerikanische Motorräder um zehn Prozentpunkte.")
    (m,) = a.measures
    assert m.change == {"value": -10, "unit": "percentage_points"}
    assert m.target == "USA"


def test_two_tariff_moves_in_one_sentence_are_two_measures():
    a = A("Die USA senken ihre Zölle auf chinesische Waren von 145 auf 30 Prozent, China senkt seine Abgaben auf "
          "US-Waren von 125 auf 10 Prozent.")
    got = sorted((m.actor, m.from_["value"], m.to["value"]) for m in a.measures)
    assert got == [("CHN", 125, 10), ("USA", 145, 30)]


def test_purchase_commitment_with_quantity_and_agreement():
    a = A("Japan verpflichtete sich im Abkommen, amerikanischen Reis im Wert von acht Milliarden Dollar zu kaufen.")
    (m,) = a.measures
    assert m.type == "purchase_commitment"
    assert m.quantity == {"value": 8_000_000_000, "unit": "USD"}
    assert m.status == "agreed"


def test_supply_agreement_term_and_renewal():
    a = A("Beide Seiten vereinbarten eine zweijährige, jährlich verlängerbare Lieferung von Gallium aus China in die USA.")
    (m,) = a.measures
    assert m.type == "supply_agreement" and m.term == "P2Y" and m.renewal == "annual"
    assert m.actor == "CHN" and m.target == "USA"


def test_denied_measure():
    a = A("Das Handelsministerium in Peking dementierte, dass China die Exportkontrollen für Graphit aussetzen werde.")
    assert [m.status for m in a.measures] == ["denied"]


def test_author_speculation_is_no_measure():
    a = A("Womöglich könnte Brüssel die Zölle auf Elektroautos später einmal senken.")
    assert a.measures == []


def test_topics_discussed_and_not_discussed():
    a = A("Emmanuel Macron und Xi Jinping trafen sich in Paris. Sie sprachen lange über den Krieg in der Ukraine. "
          "Menschenrechte kamen nach Angaben von Diplomaten nicht zur Sprache.")
    got = {(t.topic, t.status) for t in a.topics}
    assert ("ukraine_war", "discussed") in got
    assert ("human_rights", "not_discussed") in got
    assert ("human_rights", "discussed") not in got


def test_quotes_and_reported_speech_with_speakers():
    a = A("Bundeskanzler Friedrich Merz besuchte Donald Trump im Weißen Haus. „Wir haben viel erreicht“, sagte der Kanzler. "
          "Man werde die Gespräche im Herbst fortsetzen. Trump erklärte, die Zölle seien notwendig.")
    st = [(s.speaker_name, s.direct, s.text) for s in a.statements]
    assert ("Friedrich Merz", True, "Wir haben viel erreicht") in st
    assert ("Friedrich Merz", False, "Man werde die Gespräche im Herbst fortsetzen") in st
    assert ("Donald Trump", False, "die Zölle seien notwendig") in st


def test_scare_quotes_are_not_statements():
    a = A("Die sogenannte „Phase eins“ des Abkommens trat im Februar in Kraft.")
    assert a.statements == []


def test_pronoun_speaker():
    a = A("Wolodymyr Selenskyj reiste nach Washington. Er sagte, die Ukraine brauche mehr Flugabwehr.")
    (s,) = a.statements
    assert s.speaker == "Q3881980" and not s.direct


def test_hedged_and_unhedged_assessments():
    a = A("Die Einigung dürfte vor allem den Landwirten nützen. Der Schritt kann als Entgegenkommen gewertet werden. "
          "Das Ergebnis ist bemerkenswert. Die Delegationen reisten am Abend ab.")
    got = [(s.hedged, s.cue) for s in a.assessments]
    assert got == [(True, "dürfte"), (True, "kann"), (False, None)]


def test_boilerplate_becomes_metadata():
    text = ("Xi Jinping und Wladimir Putin trafen sich in Moskau.\n"
            "Autor: Maria Beispiel\nAbonnieren Sie jetzt unseren Newsletter!\n")
    a = A(text)
    assert a.document.author == "Maria Beispiel"
    assert [b.text for b in a.document.boilerplate] == ["Autor: Maria Beispiel", "Abonnieren Sie jetzt unseren Newsletter!"]
    assert not any(s.text.startswith("Abonnieren") for s in a.assessments)


def test_every_fact_says_which_rule_made_it():
    a = A("Trump und Xi trafen sich in Busan. Trump kündigte an, die Zölle von 20 auf 10 Prozent zu senken.")
    for fact in a.mentions + a.meetings + a.measures + a.topics + a.statements + a.assessments:
        assert fact.found_by and fact.found_by.component and fact.found_by.rule


def test_dateline_and_seat_of_power_give_the_place():
    a = A("HELSINKI – Donald Trump und Wladimir Putin sind am Montag zu einem Gipfeltreffen zusammengekommen.")
    assert (a.meetings[0].place, a.meetings[0].country) == ("Helsinki", "FIN")
    b = A("Donald Trump hat Benjamin Netanjahu am Dienstag im Weißen Haus empfangen.")
    assert (b.meetings[0].place, b.meetings[0].country) == ("Washington", "USA")


def test_a_subset_of_parties_is_a_meeting_of_its_own():
    a = A("Emmanuel Macron, Angela Merkel, Wladimir Putin und Wolodymyr Selenskyj trafen sich in Paris. "
          "Am Rande zogen sich Putin und Selenskyj zu einem Vieraugengespräch zurück.")
    assert sorted(len(m.participants) for m in a.meetings) == [2, 4]


def test_konjunktiv_of_any_verb_continues_reported_speech():
    a = A("Wladimir Putin sagte, man sei zu Gesprächen bereit. Die Einigung verhindere eine weitere Eskalation.")
    assert [(s.speaker_name, s.text) for s in a.statements] == [
        ("Wladimir Putin", "man sei zu Gesprächen bereit"),
        ("Wladimir Putin", "Die Einigung verhindere eine weitere Eskalation")]


def test_a_split_sum_gives_one_measure_per_amount():
    a = A("Indien verpflichtete sich, in den kommenden drei Jahren Waren im Wert von 90 Milliarden Dollar "
          "aus Japan zu kaufen. Davon entfallen 50 Milliarden auf Flüssiggas, 40 Milliarden Dollar auf Maschinen.")
    parts = [m for m in a.measures if m.found_by.rule.endswith("breakdown")]
    assert [(m.type, m.quantity["value"], m.quantity["unit"]) for m in parts] == [
        ("purchase_commitment", 50_000_000_000, "USD"), ("purchase_commitment", 40_000_000_000, "USD")]
    # each amount's evidence is the amount and what it is for
    assert [m.evidence[0].text for m in parts] == ["50 Milliarden auf Flüssiggas", "40 Milliarden Dollar auf Maschinen"]


def test_a_later_talk_of_a_visit_is_a_meeting_with_the_visitor():
    a = A("Die US-Finanzministerin Janet Yellen traf am Freitag Ministerpräsident Li Qiang in Peking, "
          "am Samstag folgte ein langes Gespräch mit Vizepremier He Lifeng.")
    pairs = sorted(tuple(sorted(p.name for p in m.participants)) for m in a.meetings)
    assert ("He Lifeng", "Janet Yellen") in pairs
    assert ("He Lifeng", "Li Qiang") not in pairs


def test_a_pronoun_opening_the_sentence_is_the_speaker():
    a = analyze('US President Joe Biden and Vladimir Putin met in Geneva on Wednesday. Putin briefed reporters '
                'first. He said there had been "real candour" in the room and called the American president '
                '"a seasoned negotiator".', language="en")
    assert [s.speaker for s in a.statements] == ["Q7747", "Q7747"]  # Putin, not the American president


def test_a_rate_told_from_its_end_and_its_implied_change():
    a = analyze("Ottawa said it would lower the levy on American dairy products to 5 percent from 15 percent.",
                language="en")
    (m,) = a.measures
    assert (m.from_["value"], m.to["value"]) == (15, 5)
    # the change the two ends imply, in points, signed by their direction
    assert m.change == {"value": -10, "unit": "percentage_points"}


def test_a_level_reached_before_a_pair_is_a_measure_of_its_own():
    a = analyze("Ottawa said it would cut the duty on American steel by 5 percentage points, to 20 percent, which "
                "would bring its overall rate on American goods from 40 to 35 percent.", language="en")
    got = sorted((m.to["value"], (m.from_ or {}).get("value"), (m.change or {}).get("value")) for m in a.measures)
    assert got == [(20, None, -5), (35, 40, -5)]


def test_tariffs_on_imports_are_no_purchase():
    a = analyze("Canada will lower its duties on Mexican imports from 30 percent to 12 percent.", language="en")
    assert [m.type for m in a.measures] == ["tariff_change"]


def test_a_count_with_adjectives_and_a_count_already_known():
    a = A("Im Gegenzug für die zwei Geiseln will Belarus 14 politische Gefangene freilassen.")
    (m,) = a.measures
    # "die zwei Geiseln" were named before; the fourteen prisoners are what the measure counts
    assert m.quantity == {"value": 14, "unit": "people"}
    b = analyze("Kyiv will hand over 41 badly injured Russian soldiers.", language="en")
    assert [x.quantity for x in b.measures] == [{"value": 41, "unit": "people"}]


def test_a_bare_mention_far_away_does_not_swallow_a_figured_measure():
    a = A("Auch Kanada setzt seine Gegenzölle aus. Die Regierung in Ottawa teilte das am Abend mit. Die Börsen "
          "reagierten erleichtert. Händler sprachen von einer Atempause. Analysten blieben vorsichtig. "
          "Zuvor hatte Kanada seine Zölle auf amerikanischen Stahl von 35 auf 25 Prozent gesenkt.")
    figured = [m for m in a.measures if m.from_]
    assert len(figured) == 1 and len(figured[0].evidence) == 1
    assert figured[0].evidence[0].text.startswith("Zuvor hatte Kanada")


def test_someone_who_did_not_take_part_is_no_party_and_a_retold_meeting_is_one():
    a = analyze("President Joe Biden, President Luiz Inácio Lula da Silva and Prime Minister Fumio Kishida met for two "
                "hours at the Planalto Palace in Brasília on Monday. Kishida, who had flown in with Biden, greeted Lula "
                "at the door but did not take part in the talks. It was the second time Biden and Lula had met, and "
                "the first time since their summit in Washington.", language="en")
    (m,) = a.meetings
    assert sorted(p.name for p in m.participants) == ["Joe Biden", "Luiz Inácio Lula da Silva"]
    assert m.duration_minutes == 120
    assert m.place != "Washington"  # the place of the earlier summit is not this meeting's
    b = analyze("Emmanuel Macron and Xi Jinping met at a state banquet in Beijing on Thursday. Afterwards Macron and "
                "Xi held bilateral talks.", language="en")
    assert len(b.meetings) == 2  # "Afterwards …" is the next meeting of the same two, not the first told again
    c = analyze("Joe Biden, Fumio Kishida and Yoon Suk-yeol met at Camp David on Friday. Biden said Yoon did not "
                "take part in the dinner.", language="en")
    # the person who did not take part leaves the meeting, not the one who said so
    assert sorted(p.name for p in c.meetings[0].participants) == ["Fumio Kishida", "Joe Biden"]


def test_a_rate_abolished_falls_to_zero_and_a_rate_charged_is_a_level():
    a = A("Die Zölle von 20 Prozent auf kanadisches Holz sollen ganz wegfallen.")
    (m,) = a.measures
    assert (m.from_["value"], m.to["value"], m.change["value"]) == (20, 0, -20)
    b = A("Nach der Einigung gilt: Auf mexikanische Tomaten erheben die USA künftig 12 Prozent Zoll.")
    assert [x.to for x in b.measures] == [{"value": 12, "unit": "percent"}]


def test_investment_as_a_field_of_cooperation_is_no_commitment():
    a = analyze("Chile and Peru plan to reopen their consulates and cooperate in tourism, fisheries and investment.",
                language="en")
    assert [m.type for m in a.measures] == ["other"]  # the consulates, not an investment


def test_two_commitments_sharing_only_function_words_stay_apart():
    a = A("Laut der Erklärung werden beide Seiten ihre diplomatischen Beziehungen wieder aufnehmen. Zudem werden "
          "beide Seiten ihre Botschaften wieder eröffnen.")
    assert len([m for m in a.measures if m.type == "other"]) == 2


def test_tariff_free_trade_is_a_zero_rate_but_a_tariff_dispute_no_measure():
    a = A("Nach dem Treffen vereinbarten beide Seiten völlige Zollfreiheit für Industrieroboter.")
    assert [(m.type, m.to) for m in a.measures] == [("tariff_change", {"value": 0, "unit": "percent"})]
    b = A("Die Europäische Union und Kanada haben am Montag eine Einigung in ihrem Zollstreit erzielt.")
    assert b.measures == []


def test_items_of_a_sanctions_package_are_measures_of_their_own():
    a = A("Die EU-Staaten haben am Mittwoch ein neues Sanktionspaket gegen Belarus beschlossen. 40 weitere Frachtschiffe "
          "kommen auf die Sanktionsliste, 12 weitere belarussische Banken werden vom Zahlungsverkehr ausgeschlossen.")
    got = sorted((m.quantity or {}).get("unit", "") for m in a.measures if m.type == "sanction")
    assert "banks" in got and len(got) == 3  # the package, the ships, the banks
    banks = next(m for m in a.measures if (m.quantity or {}).get("unit") == "banks")
    assert banks.quantity["value"] == 12 and banks.evidence[0].text.startswith("12 weitere")


def test_a_meeting_already_told_or_only_asked_for_opens_none():
    a = analyze("President Lula and President Gustavo Petro met in Bogotá on Tuesday. Colombia's foreign minister, "
                "Luis Gilberto Murillo, told reporters after the lunch that the two presidents had agreed on a joint "
                "Amazon fund. Caracas had also asked for a meeting between the three leaders, Murillo said.",
                language="en")
    assert len(a.meetings) == 1


def test_a_state_met_in_and_a_person_in_a_clause_of_time_are_no_parties():
    a = analyze("Chinese and Japanese negotiators met in Singapore on Friday for their first talks since Donald Trump "
                "returned to the White House.", language="en")
    (m,) = a.meetings
    assert sorted(p.actor for p in m.participants) == ["CHN", "JPN"]
    assert m.place == "Singapore"


def test_two_commitments_joined_by_and_and_a_verb_are_two():
    a = analyze("In return, Washington will release 12 Cuban prisoners and reopen its consulate in Havana.",
                language="en")
    assert [m.quantity for m in a.measures if m.type == "other"] == [{"value": 12, "unit": "people"}, None]


def test_agreeing_on_a_frame_or_the_reason_for_a_tariff_is_no_measure():
    a = A("Beide Seiten hätten sich grundsätzlich auf einen Rahmen für weitere Gespräche verständigt, sagte der "
          "Minister. Die USA hatten ihre Zölle auf brasilianische Waren von 10 auf 50 Prozent erhöht, als Strafe für "
          "Brasiliens Käufe von russischem Diesel.")
    assert [(m.type, m.to["value"]) for m in a.measures] == [("tariff_change", 50)]


def test_a_cue_reads_across_the_dot_of_an_ordinal():
    a = A("Peking kündigte an, die Ausfuhr von Antimon vom 1. September an genehmigungspflichtig zu machen.")
    assert [m.type for m in a.measures] == ["export_control"]


def test_a_price_per_unit_is_read_with_its_currency_and_unit():
    a = A("Die Preisobergrenze für russischen Diesel sinkt von 100 auf 80 US-Dollar je Barrel.")
    assert [(m.type, m.from_, m.to) for m in a.measures] == [
        ("sanction", {"value": 100, "unit": "USD/barrel"}, {"value": 80, "unit": "USD/barrel"})]
    b = analyze("The G7 imposed a price cap of $45 a barrel on Russian fuel oil.", language="en")
    assert [m.to for m in b.measures] == [{"value": 45, "unit": "USD/barrel"}]


def test_what_was_left_out_or_only_hoped_for_is_no_measure():
    a = A("Ausgeklammert blieben die Zölle auf Holz, die Washington im März verhängt hatte. Er hoffe, das "
          "Abkommen werde den Weg zu einer dauerhaften Waffenruhe ebnen.")
    assert a.measures == []


def test_the_other_sides_answer_is_a_measure_of_its_own():
    # the first measure names no party, so without the rule the answer would join it
    a = A("Die Strafzölle werden vom 1. April an ausgesetzt. Kanada setzt im Gegenzug seine Vergeltungszölle auf "
          "amerikanische Waren im Wert von 1,2 Milliarden Dollar aus.")
    assert len([m for m in a.measures if m.type == "tariff_change"]) == 2


def test_a_measure_told_as_history_is_none_but_a_count_is_no_year():
    a = A("Am Nachmittag pflanzten die beiden Präsidenten einen Baum aus dem Jahr 1953, in dem der Waffenstillstand "
          "geschlossen wurde.", published="2018-04-27")
    assert a.measures == []
    b = A("Im Gegenzug will Israel rund 1900 palästinensische Häftlinge freilassen.", published="2025-01-19")
    assert [m.quantity for m in b.measures] == [{"value": 1900, "unit": "people"}]


def test_a_spokesman_reporting_a_call_is_no_party_of_it():
    a = analyze("Prime Minister Mark Rutte decided on Monday to telephone Vladimir Putin. Pieter Jansen, the "
                "government spokesman, said the prime minister had urged the Kremlin leader to withdraw his troops "
                "and to enter talks with Kyiv.", language="en")
    (m,) = a.meetings
    assert sorted(p.name for p in m.participants) == ["Mark Rutte", "Vladimir Putin"]
    assert m.in_person is False


def test_reviewed_edge_cases_keep_their_measures_and_meetings():
    """Sentences a review found lost or invented by this session's rules."""
    def types(text, lang="de", published=None):
        return [(m.type, (m.to or {}).get("value")) for m in analyze(text, language=lang, published=published).measures]
    assert types("Die seit 2014 geltenden Sanktionen gegen Russland werden verlängert.", published="2025-01-10") == [
        ("sanction", None)]
    assert types("China, in response to the US tariffs, imposed tariffs of 10 percent on American soybeans.", "en") == [
        ("tariff_change", 10)]
    assert types("Beim Treffen in Genf ging es auch um die Zölle auf Stahl.") == []
    assert types("Russia will mobilise 300,000 reservists.", "en") == []
    assert types("The US will cut tariffs on Chinese goods to 10 percent, which Beijing hopes will ease tensions.",
                 "en") == [("tariff_change", 10)]
    got = analyze("Ab dem 1. Juli erhöhen die USA die Zölle auf russische Waren von 10 auf 25 Prozent.",
                  language="de").measures
    assert [(m.from_["value"], m.to["value"]) for m in got] == [(10, 25)]
    assert analyze("On 3 March Russian banks were cut off from SWIFT.", language="en").measures[0].quantity is None
    for text, lang in (("For the first time since 2019 Donald Trump and Xi Jinping met in Busan on Thursday.", "en"),
                       ("On Thursday, during their summit in Busan, Donald Trump and Xi Jinping agreed to cut tariffs.", "en"),
                       ("Erstmals seit Donald Trumps Rückkehr ins Weiße Haus trafen sich Xi Jinping und Trump in Busan.", "de")):
        assert len(analyze(text, language=lang).meetings) == 1, text


def test_german_and_english_agree_on_investment_consulates_and_remote_participants():
    assert [m.type for m in A("Die Staaten wollen bei Tourismus und Investitionen zusammenarbeiten und ihre "
                              "Konsulate wieder eröffnen.").measures] == ["other"]
    a = A("Die Preisobergrenze sinkt von 60 auf 50 Euro je Fass.")
    assert [(m.to, m.quantity) for m in a.measures] == [({"value": 50, "unit": "EUR/barrel"}, None)]
    b = analyze("President Donald Trump unveiled the deal at the White House on Friday, with Prime Minister Mark Carney "
                "taking part by video.", language="en")
    assert [m.in_person for m in b.meetings] == [False]


def test_resumed_intelligence_sharing_and_a_prisoner_exchange_are_commitments_of_their_own():
    a = A("Im Gegenzug heben die USA die Pause beim Austausch von Geheimdienstinformationen sofort auf und nehmen "
          "ihre Militärhilfe wieder auf.")
    assert len([m for m in a.measures if m.type == "other"]) == 2
    b = analyze("Both sides will exchange 90 prisoners on Friday, and Kyiv will hand over 12 wounded Russian soldiers.",
                language="en")
    assert sorted(m.quantity["value"] for m in b.measures) == [12, 90]
    assert A("Die Geheimdienste warnten auf einer Konferenz vor Anschlägen.").measures == []


def test_the_level_before_told_after_the_new_one_is_the_from():
    a = analyze("Most Korean exports will face a tariff of 15 percent, down from 25 percent.", language="en")
    assert [(m.from_["value"], m.to["value"], m.change["value"]) for m in a.measures] == [(25, 15, -10)]
    b = A("Auf koreanische Autos erheben die USA künftig einen Zoll von 15 Prozent, nach zuvor 25 Prozent.")
    assert [(m.from_["value"], m.to["value"]) for m in b.measures] == [(25, 15)]


def test_a_source_named_by_a_role_in_the_genitive_is_the_person_and_a_source_keeps_no_full_stop():
    a = A("Bundeskanzler Olaf Scholz traf am Dienstag Xi Jinping in Peking. Beide Regierungen wollen sich nach "
          "Angaben des Kanzlers eng über die Konferenz abstimmen.")
    assert [s.speaker for s in a.statements] == ["Q61053"]
    b = A("Die Lage sei ernst, hieß es laut Staatsmedien.")
    assert [s.speaker_name for s in b.statements] == ["Staatsmedien"]


def test_a_surname_shared_by_two_lexicon_people_is_the_one_the_report_named():
    # the lexicon knows two ministers called Wang; the report names Wang Yi, so "Wang" is he
    a = A("Außenminister Wang Yi empfing Antony Blinken am Montag. Die Beziehungen seien an einem Tiefpunkt "
          "angelangt, sagte Wang laut Staatsmedien.")
    assert [s.speaker_name for s in a.statements] == ["Wang Yi"]


def test_a_quota_told_in_parts_keeps_its_sum_and_market_access_reaches_over_words():
    a = A("Die Regierungen von Japan und Australien einigten sich am Dienstag: Japan lässt jährlich 40.000 Tonnen "
          "Weizen und 25.000 Tonnen Gerste zollfrei einführen, zusammen also 65.000 Tonnen.")
    quota = next(m for m in a.measures if m.type == "market_access")
    assert quota.quantity == {"value": 65000, "unit": "t"}
    b = A("Die Regierungen einigten sich am Montag. Australische Winzer erhalten Zugang zu knapp vier Prozent des bisher "
          "abgeschotteten japanischen Weinmarkts.")
    assert [m.type for m in b.measures] == ["market_access"]
    c = analyze("Japan and Australia agreed on Tuesday that Japan will let 40,000 tonnes of wheat and 25,000 tonnes of "
                "barley in duty-free, 65,000 tonnes in total.", language="en")
    assert any(m.quantity == {"value": 65000, "unit": "t"} for m in c.measures)


def test_a_second_amount_joined_by_und_is_a_commitment_of_its_own():
    a = A("Nach dem Treffen sagte der Minister, Indien werde in diesem Jahr acht Millionen Tonnen australische Kohle "
          "kaufen und in den beiden folgenden Jahren jeweils zehn Millionen Tonnen.")
    got = [(m.type, m.quantity["value"]) for m in a.measures]
    assert got == [("purchase_commitment", 8000000), ("purchase_commitment", 10000000)]
    assert a.measures[1].evidence[0].text == "in den beiden folgenden Jahren jeweils zehn Millionen Tonnen"
    b = analyze("Japan and India agreed on Monday that Japan will buy $40 billion worth of Indian steel over three years "
                "and invest $60 billion in Indian railways.", language="en")
    assert sorted(m.type for m in b.measures) == ["investment_commitment", "purchase_commitment"]


def test_resources_deliveries_and_treaties_get_their_own_type():
    def types(text):
        return [m.type for m in A(text).measures]
    assert types("Die Regierungen von Chile und Japan unterzeichneten am Montag das Rohstoffabkommen.") == ["supply_agreement"]
    assert types("Beim Gipfel in Tokio haben sich beide Seiten auf einen Mechanismus für die Ausfuhr von Seltenen Erden "
                 "verständigt.") == ["supply_agreement"]
    assert types("Nach dem Treffen sagte Trump, amerikanische Firmen dürften wieder Bauteile an den Konzern ZTE "
                 "liefern.") == ["export_control"]
    assert types("Peking kündigte am Dienstag an, für Graphit gälten bei Lieferungen nach Japan künftig strengere "
                 "Prüfungen.") == ["export_control"]
    assert types("Bei ihrem Treffen vereinbarten beide Staatschefs, den Waffenstillstand durch einen Friedensvertrag zu "
                 "ersetzen.") == ["other"]
    en = [m.type for m in analyze("At their meeting the two leaders agreed to replace the armistice with a peace treaty "
                                  "this year.", language="en").measures]
    assert en == ["other"]


def test_a_share_of_world_output_or_a_rule_for_whoever_delivers_is_no_supply_deal():
    a = A("Die EU und Kanada einigten sich am Montag auf Exportkontrollen für Kobalt. Der Kongo liefert rund 70 Prozent "
          "des weltweit geförderten Kobalts. Wer mehr liefert, zahlt weiter 25 Prozent.")
    assert [m.type for m in a.measures] == ["export_control"]


def test_the_state_a_reported_clause_names_is_the_buyer_not_the_speakers():
    a = A("Nach dem Treffen mit Juncker sagte Trump, die Europäer würden sofort große Mengen Soja kaufen.")
    assert [(m.type, m.actor) for m in a.measures] == [("purchase_commitment", "EU")]


def test_a_measure_told_with_ebenfalls_is_one_more_and_its_doer_speaks_for_a_state():
    a = A("Die EU setzt im Gegenzug ihre Vergeltungszölle auf amerikanische Waren aus. Auf die drohende Anhebung dieser "
          "Gegenzölle verzichtet Brüssel ebenfalls.")
    assert len([m for m in a.measures if m.type == "tariff_change"]) == 2
    b = A("Kehrtwende in Washington: Donald Trump setzt die Gegenzölle für 90 Tage aus.")
    assert [(m.type, m.actor) for m in b.measures] == [("tariff_change", "USA")]
    c = A("Für die EU halbiert sich der Aufschlag damit von 20 auf zehn Prozent.")
    assert [(m.type, m.target) for m in c.measures] == [("tariff_change", "EU")]


def test_goods_let_in_without_a_tariff_are_market_access():
    a = A("Vom 1. Januar an dürfen festgelegte Mengen japanischen Stahls ohne Aufschlag ins Land.")
    assert [m.type for m in a.measures] == ["market_access"]


def test_a_second_quota_told_in_parallel_is_its_own_market_access():
    a = A("Die EU und Chile einigten sich am Montag. Lammfleisch darf künftig bis zu einer Menge von 9.000 Tonnen im Jahr "
          "zu einem Zollsatz von 5 Prozent in die EU eingeführt werden, Geflügel bis zu 38.000 Tonnen jährlich sogar zollfrei.")
    got = {(m.type, (m.quantity or {}).get("value")) for m in a.measures}
    assert ("market_access", 38000) in got and len(a.measures) == 2


def test_a_sanction_restated_with_another_noun_is_one_measure_but_joint_is_no_shared_thing():
    a = A("Die EU-Staaten haben am Mittwoch ein neues Sanktionspaket gegen Belarus beschlossen. Die Sanktionen treten am "
          "Freitag in Kraft.")
    assert [(m.type, len(m.evidence)) for m in a.measures] == [("sanction", 2)]
    b = A("Moon Jae-in und Kim Jong Un trafen sich am Freitag in Panmunjom. Darin bekennen sich beide Seiten zum "
          "gemeinsamen Ziel, eine atomwaffenfreie Halbinsel zu schaffen. In der Grenzstadt soll ein gemeinsames "
          "Verbindungsbüro eingerichtet werden.")
    assert len([m for m in b.measures if m.type == "other"]) == 2
    c = A("Die EU-Staaten haben am Mittwoch ein neues Sanktionspaket gegen Belarus beschlossen. 40 weitere Frachtschiffe "
          "kommen auf die Sanktionsliste.")
    assert sorted(str((m.quantity or {}).get("unit")) for m in c.measures) == ["None", "vessels"]  # a compound counts its noun


def test_leaders_who_met_and_agreed_to_resume_talks_still_met():
    for tail in ("agreed on the resumption of trade talks.", "agreed to begin talks on a trade deal."):
        a = analyze("Xi Jinping and Donald Trump met in Busan on Thursday and " + tail, language="en")
        assert len(a.meetings) == 1 and a.meetings[0].place == "Busan"
    b = analyze("Beijing asked for the resumption of trade talks between Xi Jinping and Donald Trump.", language="en")
    assert b.meetings == []


def test_two_purchases_joined_by_und_in_one_clause_are_two():
    a = A("Macron und Xi trafen sich in Peking. Vereinbart wurde, dass China mehr Rindfleisch aus Frankreich einführt und "
          "mehr französischen Cognac importiert.")
    got = [(m.type, m.evidence[0].text) for m in a.measures]
    assert got == [("purchase_commitment", "Vereinbart wurde, dass China mehr Rindfleisch aus Frankreich einführt"),
                   ("purchase_commitment", "mehr französischen Cognac importiert.")]


def test_a_truce_in_a_trade_dispute_is_no_ceasefire_but_a_truce_in_a_war_is():
    a = analyze("The United States and China agreed on Monday to cut their tariffs for 90 days. The truce leaves the "
                "tariffs already in force untouched.", language="en")
    assert "ceasefire" not in [m.type for m in a.measures]
    b = analyze("Russia and Ukraine agreed on Monday to a truce on the front line; the fighting is to stop at midnight.",
                language="en")
    assert [m.type for m in b.measures] == ["ceasefire"]
    c = A("Im Handelsstreit vereinbarten Washington und Brüssel am Mittwoch einen Waffenstillstand.")
    assert "ceasefire" not in [m.type for m in c.measures]
    d = A("Israel und die Hamas vereinbarten am Mittwoch einen Waffenstillstand; die Kämpfe sollen am Sonntag enden.")
    assert [m.type for m in d.measures] == ["ceasefire"]


def test_a_measure_told_in_contrast_is_not_the_one_before():
    a = analyze("The administration has already shelved a round of duties that was due to hit consumer electronics. "
                "Tariffs of 25 percent on about $250 billion of Chinese goods, however, remain in place.", language="en")
    tariffs = [m for m in a.measures if m.type == "tariff_change"]
    assert len(tariffs) == 2 and tariffs[1].to == {"value": 25, "unit": "percent"}


def test_what_talks_dealt_with_is_no_measure():
    a = analyze("According to Iranian officials, the talks in Muscat dealt only with Iran's nuclear programme and the "
                "lifting of US sanctions.", language="en")
    assert a.measures == []


def test_amounts_before_and_after_in_a_quantitys_unit():
    a = A("Putin und Xi trafen sich in Peking. Die Fernostroute soll von zehn auf zwölf Milliarden Kubikmeter jährlich "
          "aufgestockt werden. Über die alte Leitung sollen künftig 44 statt 38 Milliarden Kubikmeter im Jahr nach China "
          "strömen.")
    got = [(m.type, m.from_["value"], m.to["value"], m.to["unit"]) for m in a.measures]
    assert got == [("supply_agreement", 10_000_000_000, 12_000_000_000, "m3"),
                   ("supply_agreement", 38_000_000_000, 44_000_000_000, "m3")]


def test_pledges_orders_aid_and_listings_are_read_with_their_figures():
    def one(text):
        ms = A(text).measures
        assert len(ms) == 1, [(m.type, m.quantity) for m in ms]
        return ms[0].type, ms[0].quantity, ms[0].to
    assert one("Lee und Trump trafen sich in Gyeongju. Seoul versprach Investitionen von 350 Milliarden Dollar in den "
               "USA.") == ("investment_commitment", {"value": 350_000_000_000, "unit": "USD"}, None)
    assert one("Subianto und Trump telefonierten am Dienstag. Außerdem bestelle Indonesien 50 Boeing-Flugzeuge.") == (
        "purchase_commitment", {"value": 50, "unit": "aircraft"}, None)
    assert one("Die EU stellt der Ukraine für die Jahre 2024 bis 2027 zusätzlich 50 Milliarden Euro bereit.") == (
        "other", {"value": 50_000_000_000, "unit": "EUR"}, None)
    assert one("Außerdem werden 117 weitere Schiffe der Schattenflotte gelistet; damit stehen 557 Tanker auf der "
               "schwarzen Liste der EU.")[:2] == ("sanction", {"value": 117, "unit": "vessels"})
    assert one("Umgeleitete Waren sollen nach Angaben eines US-Regierungsvertreters mit einem Zoll von 40 Prozent belegt "
               "werden.")[::2] == ("tariff_change", {"value": 40, "unit": "percent"})
    assert one("Indonesien werde Beschränkungen für die Ausfuhr kritischer Mineralien in die USA aufheben, sagte Trump.")[0] \
        == "export_control"
    assert one("Scholz und bin Zayed trafen sich in Abu Dhabi. RWE schloss mit ADNOC einen Vertrag über eine erste Ladung "
               "von 137.000 Kubikmetern LNG.")[:2] == ("supply_agreement", {"value": 137000, "unit": "m3"})


def test_a_pledge_beside_a_purchase_or_a_cap_is_no_second_investment_and_a_share_no_rate():
    a = A("Lee und Trump trafen sich in Gyeongju. Seoul versprach Investitionen von 350 Milliarden Dollar in den USA und "
          "den Kauf von Flüssiggas im Wert von 100 Milliarden Dollar. 200 Milliarden Dollar fließen als "
          "Barinvestitionen, gestaffelt und gedeckelt auf höchstens 20 Milliarden Dollar im Jahr.")
    got = sorted((m.type, m.quantity["value"]) for m in a.measures)
    assert got == [("investment_commitment", 200_000_000_000), ("investment_commitment", 350_000_000_000),
                   ("purchase_commitment", 100_000_000_000)]
    b = A("Trump und Prabowo telefonierten am Dienstag. Jakarta sagt zu, die Zölle auf rund 99 Prozent der "
          "amerikanischen Industriegüter auf null zu senken.")
    assert [(m.type, m.to) for m in b.measures] == [("tariff_change", {"value": 0, "unit": "percent"})]
    assert A("An Ungarns Haltung ändere sich nichts; nötig seien eine Waffenruhe und Friedensgespräche.").measures == []


def test_a_further_step_starts_where_the_last_ended_and_an_elliptic_amount_is_its_own():
    a = A("Indien und Großbritannien unterzeichneten am Donnerstag ihr Abkommen. Der Zoll auf Whisky wird sofort von 150 "
          "auf 75 Prozent halbiert. Bis zum zehnten Vertragsjahr sinkt er dann weiter auf 40 Prozent.")
    got = [(m.from_["value"], m.to["value"]) for m in a.measures if m.type == "tariff_change"]
    assert got == [(150, 75), (75, 40)]
    b = A("Subianto und Trump telefonierten am Dienstag. Indonesien werde amerikanische Energie im Wert von 15 Milliarden "
          "Dollar abnehmen, dazu Agrarprodukte für 4,5 Milliarden Dollar.")
    assert [(m.type, m.quantity["value"]) for m in b.measures] == [("purchase_commitment", 15_000_000_000),
                                                                  ("purchase_commitment", 4_500_000_000)]
    c = A("Die EU-Staaten einigten sich auf ihr 19. Sanktionspaket. Es sieht ein Einfuhrverbot für russisches Flüssiggas "
          "vor, das für langfristige Lieferverträge ab Januar 2027 greift.")
    assert "supply_agreement" not in [m.type for m in c.measures]


def test_a_speaker_no_lexicon_knows_is_named_by_the_subject_of_the_reporting_verb():
    a = A("Indische Regierungskreise erklären, es gebe keine Entscheidung. Die Feuerpause sei direkt ausgehandelt worden.")
    assert [(s.speaker_name, s.text) for s in a.statements] == [
        ("Indische Regierungskreise", "es gebe keine Entscheidung"),
        ("Indische Regierungskreise", "Die Feuerpause sei direkt ausgehandelt worden")]
    b = A("Nach dem Treffen sagte ein Sprecher des Ministeriums, man sei zufrieden. Moskau wiederum erklärte, Taiwan sei "
          "ein Teil Chinas.")
    assert [s.speaker_name for s in b.statements] == ["Sprecher des Ministeriums", "Moskau"]
    c = A("Kurz darauf erklärte ein Sprecher der Regierung, man habe zugestimmt. Kurz darauf hieß es, Moskau habe "
          "ebenfalls zugestimmt. Die Zahlen zeigten, dass der Handel schrumpfe.")
    assert [s.speaker_name for s in c.statements if not s.direct][:1] == ["Sprecher der Regierung"]
    assert not {"Kurz darauf", "Zahlen", "Die Zahlen"} & {s.speaker_name for s in c.statements}
    d = analyze("Indian officials said the ceasefire had been agreed directly between the two countries.", language="en")
    assert [s.speaker_name for s in d.statements] == ["Indian officials"]


def test_a_level_told_in_the_next_sentence_is_the_from_and_falling_rates_are_acts():
    a = A("Washington erhebt im Gegenzug auf Waren aus Vietnam einen Zoll von 20 Prozent. Angedroht hatte Präsident "
          "Donald Trump in einem Brief vom 7. Juli noch 46 Prozent.")
    m = [x for x in a.measures if x.type == "tariff_change"]
    assert len(m) == 1 and (m[0].from_["value"], m[0].to["value"]) == (46, 20) and len(m[0].evidence) == 2
    b = A("Umgekehrt fallen für 99 Prozent der indischen Ausfuhren nach Großbritannien die Zölle auf null.")
    assert [(x.type, x.to) for x in b.measures] == [("tariff_change", {"value": 0, "unit": "percent"})]


def test_an_aid_package_split_into_loans_and_grants_gives_each_part():
    a = A("Die Europäische Union stellt der Ukraine für die Jahre 2024 bis 2027 zusätzlich 50 Milliarden Euro bereit. "
          "Darauf hätten sich alle 27 Staats- und Regierungschefs geeinigt. Nach Angaben aus Brüssel setzt sich die "
          "Ukraine-Fazilität aus Krediten über 33 Milliarden Euro und Zuschüssen über 17 Milliarden Euro zusammen.")
    got = sorted(m.quantity["value"] for m in a.measures if m.type == "other")
    assert got == [17_000_000_000, 33_000_000_000, 50_000_000_000]
    assert all(e.text and a.document.text[e.start:e.end] == e.text for m in a.measures for e in m.evidence)


def test_a_subject_pronoun_beside_one_named_person_is_the_other_party_of_a_call():
    a = A("Den Durchbruch hatte Trump bereits verkündet. Nach einem Telefonat mit dem indonesischen Präsidenten Prabowo "
          "Subianto am 15. Juli schrieb er auf seiner Plattform, das Abkommen sei fertig.", published="2025-07-23")
    assert [sorted(p.name for p in m.participants) for m in a.meetings] == [["Donald Trump", "Prabowo Subianto"]]
    b = analyze("The encounter had been arranged barely a day earlier. Secretary of State Mike Pompeo would oversee the "
                "process, he said.", language="en")
    assert b.meetings == []


def test_a_korean_name_found_by_its_role_is_taken_up_by_its_family_name():
    a = A("Lees Politikchef Kim Yong-beom stellte am Abend den Kompromiss vor. Kim warnte, eine solche Zahlung könne eine "
          "Finanzkrise auslösen.")
    assert [s.speaker_name for s in a.statements] == ["Kim Yong-beom"]
    b = A("Der Berater Markus Weber traf am Montag den Minister. Weber sagte, man sei sich einig.")
    assert [s.speaker_name for s in b.statements] == ["Markus Weber"]


def test_english_aid_packages_their_parts_and_aircraft_orders():
    a = analyze("The European Union will provide Ukraine with 50 billion euros in aid over four years. The facility is "
                "made up of 33 billion euros in loans and 17 billion euros in grants.", language="en")
    assert sorted(m.quantity["value"] for m in a.measures if m.type == "other") == [17e9, 33e9, 50e9]
    b = analyze("Trump and Prabowo spoke by phone on Tuesday. Indonesia ordered 50 Boeing jets, Trump said.", language="en")
    assert [(m.type, m.quantity) for m in b.measures] == [("purchase_commitment", {"value": 50, "unit": "aircraft"})]
    c = analyze("Trump signed an executive order on tariffs in order to protect American steel.", language="en")
    assert "purchase_commitment" not in [m.type for m in c.measures]


def test_travel_allowed_and_goods_helped_to_world_markets_are_measures():
    a = A("Putin und Xi trafen sich am Dienstag in Peking. Russische Staatsbürger dürfen vom 15. September an für ein Jahr "
          "probeweise ohne Visum nach China reisen.")
    assert [m.type for m in a.measures] == ["other"]
    b = analyze("In a separate memorandum, the United Nations undertook to help Russian food and fertiliser reach world "
                "markets.", language="en")
    assert [m.type for m in b.measures] == ["market_access"]


def test_a_source_named_in_the_genitive_or_dative_is_shown_in_the_nominative():
    def speaker(text):
        return [s.speaker_name for s in A(text).statements]
    assert speaker("Aus ukrainischen Delegationskreisen hieß es, Moskau habe den Abzug verlangt.") == [
        "ukrainische Delegationskreise"]
    assert speaker("Nach Angaben des chinesischen Außenministeriums sei die Taiwan-Frage zentral.") == [
        "chinesisches Außenministerium"]
    assert speaker("Dazu stellte ein Sprecher des Rates klar, es gebe kein Veto.") == ["Sprecher des Rates"]


def test_reviewed_near_misses_stay_silent():
    """Sentences close to this stop's new readings that must not give a measure, a speaker or a meeting."""
    def types(text, lang="de"):
        return [m.type for m in analyze(text, language=lang).measures]
    # a deal named as the frame of a purchase is no talk about it
    assert types("Under its deal with Washington, China will buy $50 billion of US soybeans.", "en") == ["purchase_commitment"]
    # action words that only count for money or goods
    assert types("Trump ordered a review of the tariffs on Canadian lumber.", "en") == []
    assert types("Die Einnahmen aus den Zöllen fließen in den Staatshaushalt.") == []
    assert types("Der chinesische Botschafter wurde am Montag ins Auswärtige Amt bestellt.") == []
    # money with help, a loan taken or an exemption granted is no aid package
    assert types("Mit Hilfe von zwei Millionen Euro wurde das Museum renoviert.") == []
    assert types("The company took out a $2 billion loan last year.", "en") == []
    # a share of exports is no earlier rate; inflation going further is no tariff step
    a = A("Die USA senken den Zoll auf Stahl aus Kanada von 50 auf 25 Prozent. Bisher sind 60 Prozent der Exporte "
          "betroffen. Die Inflation stieg weiter auf 3 Prozent.")
    assert [(m.from_["value"], m.to["value"]) for m in a.measures] == [(50, 25)]
    # a range and a sum's part are no second commitment; a small first number keeps its own scale
    b = analyze("China will buy between $40 billion and $50 billion of American farm goods.", language="en")
    assert len(b.measures) == 1
    c = A("Putin und Xi trafen sich in Peking. Die Lieferungen sollen von 800.000 auf 1,2 Millionen Tonnen im Jahr "
          "aufgestockt werden.")
    assert [(m.from_, m.to) for m in c.measures if m.from_] in ([], [({"value": 800000, "unit": "t"},
                                                                      {"value": 1200000, "unit": "t"})])
    # a real ceasefire negotiated ('aushandeln') is no trade truce
    assert types("Israel und die Hamas handelten am Mittwoch in Katar eine Waffenruhe aus.") == ["ceasefire"]
    # the person one acts with is not the actor
    d = analyze("After a call with Emmanuel Macron, Donald Trump suspended the tariffs on French wine.", language="en")
    assert [m.actor for m in d.measures if m.type == "tariff_change"] in ([None], ["USA"])
    # a restatement with 'jedoch' and no party of its own joins the measure it restates
    e = A("Die USA erheben ab Montag Zölle von 25 Prozent auf Stahl aus Japan. Die neuen Zölle gelten jedoch erst ab August.")
    assert len([m for m in e.measures if m.type == "tariff_change"]) == 1
    # two commitments whose long words only share a beginning stay apart
    f = A("Putin und Erdogan trafen sich in Sotschi. Beide Seiten sagten Sicherheitsgarantien zu. In Idlib soll eine "
          "Sicherheitszone eingerichtet werden.")
    assert len([m for m in f.measures if m.type == "other"]) == 2
    # a subject pronoun inside a reported clause is the speaker, not a second party
    g = A("Olaf Scholz lobte die Einigung. Bei einem Treffen mit Wirtschaftsvertretern sagte Emmanuel Macron, er sei "
          "zuversichtlich.")
    assert g.meetings == []


def test_english_amounts_before_and_after_in_a_quantitys_unit():
    a = analyze("Putin and Xi met in Beijing on Tuesday. Russia will raise its grain deliveries to China from 10 to 12 "
                "million tonnes a year.", language="en")
    assert [(m.type, m.from_, m.to) for m in a.measures] == [
        ("supply_agreement", {"value": 10_000_000, "unit": "t"}, {"value": 12_000_000, "unit": "t"})]


def test_reviewed_near_misses_of_parts_breakdowns_and_estimates():
    a = A("Lee und Trump trafen sich. Seoul werde amerikanisches Gas im Wert von 20 Milliarden Dollar kaufen, zudem "
          "haben die USA Waffen für 10 Milliarden Dollar an Taiwan verkauft.")
    assert [(m.type, m.quantity["value"]) for m in a.measures] == [("purchase_commitment", 20_000_000_000)]
    b = A("Die EU stellt der Ukraine 50 Milliarden Euro bereit. Kritiker fordern, dass davon 20 Milliarden Euro in die "
          "Armee und 30 Milliarden Euro in den Wiederaufbau fließen.")
    assert [m.quantity["value"] for m in b.measures] == [50_000_000_000]  # a demand splits no sum
    c = A("Die EU hat am Montag neue Sanktionen gegen Russland verhängt; den Schaden für Moskau beziffert Brüssel auf "
          "10 Milliarden Euro.")
    assert [(m.type, m.quantity) for m in c.measures] == [("sanction", None)]  # an estimate is not its amount


def test_a_tariff_scrapped_on_an_amount_of_goods_is_a_quota_and_on_a_sum_of_money_a_tariff_change():
    a = analyze("Britain and the United States agreed on Thursday that Britain will scrap the tariff on 1.4 billion litres "
                "of American ethanol.", language="en")
    assert [(m.type, m.quantity) for m in a.measures] == [("market_access", {"value": 1_400_000_000, "unit": "l"})]
    b = A("Die EU und Brasilien einigten sich: Die Zölle auf 1,4 Milliarden Liter Ethanol fallen weg.")
    assert [m.type for m in b.measures] == ["market_access"]
    c = A("Die EU und Brasilien einigten sich: Die Zölle von 25 Prozent auf brasilianisches Ethanol fallen weg.")
    assert [(m.type, m.to) for m in c.measures] == [("tariff_change", {"value": 0, "unit": "percent"})]
