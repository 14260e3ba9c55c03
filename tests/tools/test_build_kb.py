"""The KB converter's name rules: the styles the news gives peers, spellings the news uses,
and the presidents' Wikidata ids the executive file lacks."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_kb.py"
spec = importlib.util.spec_from_file_location("build_kb", TOOL)
build_kb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_kb)


def test_a_peer_is_styled_by_the_title_word_before_any_territorial_part():
    assert build_kb.peer_forms("Jane Roe, Baroness Roe of Thornbury") == {"Baroness Roe"}
    assert build_kb.peer_forms("John Doe, Baron Doe of Ely", "male") == {"Lord Doe"}
    assert build_kb.peer_forms("John Doe, 3rd Baron Smithfield") == {"Lord Smithfield"}
    assert build_kb.peer_forms("John Doe, 4th Viscount Doe") == {"Lord Doe"}


def test_a_member_listed_by_a_plain_name_is_styled_by_gender_and_earls_are_left_out():
    assert build_kb.peer_forms("John Doe", "male") == {"Lord Doe"}
    assert build_kb.peer_forms("Jane Roe", "female") == {"Baroness Roe"}
    assert build_kb.peer_forms("Jane Roe") == set()  # gender unknown: no guess
    assert build_kb.peer_forms("John Quincy Doe", "male") == set()  # which word is the title?
    assert build_kb.peer_forms("John Doe, 7th Earl of Ely", "male") == set()


def test_spellings_the_news_uses():
    assert build_kb.spelling_forms("Ivan Petrenkyy") == {"Ivan Petrenky"}
    assert build_kb.spelling_forms("Steven Roe") == {"Steve Roe"}
    assert build_kb.spelling_forms("Jerrold Roe") == {"Jerry Roe"}
    assert build_kb.spelling_forms("Stephen Roe") == set()  # the gazetteer maps Steve to it
    assert build_kb.spelling_forms("Roe") == set()


def test_name_forms_keep_the_label_and_add_plain_and_spelled_forms():
    forms = build_kb.name_forms("Ivan Petrenkyy, Baron Petrenkyy")
    assert forms == {"Ivan Petrenkyy, Baron Petrenkyy", "Ivan Petrenkyy", "Ivan Petrenky"}
    assert build_kb.clean("Tom O\u2019Roe") == "Tom O'Roe"


def test_every_president_gets_a_wikidata_id_by_name_and_first_day_in_office():
    qids = build_kb.president_qids()
    assert len(qids) == 45 and len(set(qids.values())) == 45
    person = {
        "name": {"first": "Ronald", "middle": "Wilson", "last": "Reagan"},
        "terms": [
            {"type": "prez", "start": "1985-01-20"},
            {"type": "prez", "start": "1981-01-20"},
        ],
    }
    assert qids[build_kb.president_key(person)] == "Q9960"
    assert build_kb.president_key({"name": {"first": "Jane"}}) == ("Jane", "", "", "")
