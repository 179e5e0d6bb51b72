"""Title or employer, judged by the section's other entries (entry_layout.py), and the entries
only the model read that the source does not place at their own lines (arbitration.py).
Synthetic CVs only."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.entry_evidence import town_like
from app.lib.parsing.model_import.entry_layout import Named, SectionLayout
from app.lib.parsing.model_import.evidence import SourceLines, Span
from app.lib.parsing.model_import.import_merge import merge_readings

# Title first, then the employer, for every entry.
SOURCE = """Ines Marlow
Experience
Warehouse operator | Corvane Logistics
2021 - 2023
Delivery driver | Pelltrans SARL
2019 - 2021
Shop assistant | Bramble Stores
2017 - 2018
Education
BTS Logistics | Lycee Arden
2015 - 2017
"""
JOBS = [("Warehouse operator", "Corvane Logistics", "2021", "2023"),
        ("Delivery driver", "Pelltrans SARL", "2019", "2021"),
        ("Shop assistant", "Bramble Stores", "2017", "2018")]  # fmt: skip


def cv(**sections: Any) -> CvContent:
    return CvContent.from_json(sections)


def job(title: str, company: str, start: str | None, end: str | None = None, **more: Any) -> Any:
    return {"title": title, "company": company, "start": start, "end": end, **more}


def names(content: CvContent) -> list[tuple[str, str]]:
    return [(e.title, e.company) for e in content.experience]


def codes(findings: list[dict[str, Any]]) -> list[str]:
    return [f["code"] for f in findings]


def test_the_section_s_order_words_and_names_vote_for_the_roles() -> None:
    layout = SectionLayout.of(SourceLines(SOURCE), [Named(*j) for j in JOBS])
    right, wrong = Named(*JOBS[1]), Named(*JOBS[1]).swapped()
    assert layout.order(right) == 1 and layout.order(wrong) == -1
    assert layout.votes(right)["order"] == 1 and layout.fit(right) > 0
    assert layout.votes(wrong)["order"] == -1 and layout.votes(wrong)["shape"] < 0
    assert layout.fit(wrong) == -layout.fit(right)


def test_an_employer_first_section_swaps_the_order_vote() -> None:
    source = (
        "Experience\nCorvane Logistics - Warehouse operator\n2021 - 2023\n"
        "Pelltrans - Delivery driver\n2019 - 2021\nBramble - Shop assistant\n2017\n"
    )
    entries = [Named("Warehouse operator", "Corvane Logistics", "2021", "2023"),
               Named("Delivery driver", "Pelltrans", "2019", "2021"),
               Named("Shop assistant", "Bramble", "2017")]  # fmt: skip
    layout = SectionLayout.of(SourceLines(source), entries)
    assert layout.votes(entries[1])["order"] == 1
    assert layout.votes(entries[1].swapped())["order"] == -1


def test_a_name_that_is_another_entry_s_employer_is_an_employer() -> None:
    source = "Jobs\nPicker, Corvane\n2022\nLoader, Corvane\n2021\nDriver, Vantry\n2020\n"
    entries = [Named("Picker", "Corvane", "2022"), Named("Loader", "Corvane", "2021")]
    layout = SectionLayout.of(SourceLines(source), entries)
    assert layout.votes(Named("Corvane", "Driver", "2020"))["named"] < 0


def test_a_model_only_entry_with_swapped_roles_comes_in_the_section_s_way_round() -> None:
    rules = cv(experience=[job(*JOBS[0]), job(*JOBS[2])])
    model = cv(experience=[job(*JOBS[0]), job("Pelltrans SARL", "Delivery driver", "2019",
                                              "2021"), job(*JOBS[2])])  # fmt: skip
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert names(merged.content) == [(t, c) for t, c, *_ in JOBS]
    [swapped] = [f for f in merged.findings if f["code"] == "import_roles_swapped"]
    assert swapped["path"] == "experience[1].title"
    assert swapped["values"]["value"] == "Pelltrans SARL"


def test_crossed_roles_go_to_the_reading_the_layout_supports() -> None:
    # The rules swapped one entry; the model's roles fit the section: they win.
    rules = cv(experience=[job(*JOBS[0]), job("Pelltrans SARL", "Delivery driver", "2019",
                                              "2021"), job(*JOBS[2])])  # fmt: skip
    model = cv(experience=[job(*j) for j in JOBS])
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert names(merged.content) == [(t, c) for t, c, *_ in JOBS]
    assert codes(merged.findings) == ["import_model_reading_kept"] * 2


def test_the_rules_empty_employer_takes_the_model_s_other_name_in_the_rules_roles() -> None:
    rules = cv(experience=[job(*JOBS[0]), job("Delivery driver", "", "2019", "2021"),
                           job(*JOBS[2])])  # fmt: skip
    model = cv(experience=[job(*JOBS[0]), job("Pelltrans SARL", "Delivery driver", "2019",
                                              "2021"), job(*JOBS[2])])  # fmt: skip
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert names(merged.content)[1] == ("Delivery driver", "Pelltrans SARL")


def test_a_job_on_the_headline_under_the_name_is_shown_not_added() -> None:
    source = "Ines Marlow\nWarehouse operator seeking a post - June 2024\n" + SOURCE
    rules = cv(header={"name": "Ines Marlow"}, experience=[job(*j) for j in JOBS])
    model = cv(header={"name": "Ines Marlow"},
               experience=[job("Warehouse operator seeking a post", "", "2024-06"),
                           *(job(*j) for j in JOBS)])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert names(merged.content) == [(t, c) for t, c, *_ in JOBS]
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["values"]["reader"] == "model"


def test_a_year_alone_under_a_degree_dates_no_job_below_it() -> None:
    source = "Education\nBTS Logistics, Lycee Arden\n2017\nExperience\nSummer jobs\nMentor\n"
    model = cv(experience=[job("Mentor", "", "2017")],
               education=[{"degree": "BTS Logistics", "institution": "Lycee Arden",
                           "start": "2017"}])  # fmt: skip
    lines = SourceLines(source)
    assert not lines.dated_above("2017", Span(5, 5), [Span(1, 2)])
    assert lines.dated_above("2017", Span(5, 5))  # a date line no other item holds
    merged = merge_readings(cv(), model, source_text=source)
    assert names(merged.content) == []


def test_the_model_s_bounds_win_when_one_reading_holds_the_other() -> None:
    source = "Experience\nInternship at the Planning Office of Corvane\nCorvane\n2022\n"
    rules = cv(experience=[job("Internship at the Planning Office of Corvane", "Corvane",
                               "2022")])  # fmt: skip
    model = cv(experience=[job("Internship", "Corvane", "2022")])
    merged = merge_readings(rules, model, source_text=source)
    assert names(merged.content) == [("Internship", "Corvane")]
    assert codes(merged.findings) == ["import_model_reading_kept"]


def test_a_town_read_as_the_title_is_moved_to_the_place_when_the_model_reads_none() -> None:
    source = "Experience\nBoston MA\nCorvane Logistics\n2019 - 2021\n"
    rules = cv(experience=[job("Boston MA", "Corvane Logistics", "2019", "2021")])
    model = cv(experience=[job("", "Corvane Logistics", "2019", "2021")])
    [kept] = merge_readings(rules, model, source_text=source).content.experience
    assert (kept.title, kept.location) == ("", "Boston MA")
    assert town_like("Seoul, S.Korea") and town_like("Lyon, France")
    assert not town_like("Corvane Logistics") and not town_like("Delivery driver")


def test_a_town_read_as_the_employer_loses_to_the_organisation_written_there() -> None:
    source = "Experience\nDelivery driver, Pelltrans SARL, Boston MA\n2019 - 2021\n"
    rules = cv(experience=[job("Delivery driver", "Boston MA", "2019", "2021")])
    model = cv(experience=[job("Delivery driver", "Pelltrans SARL", "2019", "2021")])
    [kept] = merge_readings(rules, model, source_text=source).content.experience
    assert kept.company == "Pelltrans SARL"
