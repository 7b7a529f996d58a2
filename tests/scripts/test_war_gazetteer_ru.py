"""scripts/war_gazetteer_ru.py: Russia's rows of the war gazetteer from a postal extract."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.extract.places.war_gazetteer import loose_key, normalize


def _module() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "war_gazetteer_ru.py"
    spec = importlib.util.spec_from_file_location("war_gazetteer_ru", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("war_gazetteer_ru", mod)
    spec.loader.exec_module(mod)
    return mod


ru = _module()


def test_bgn_transliteration_of_made_up_names() -> None:
    assert ru.translit("Большое Зябликово") == "Bolshoye Zyablikovo"
    assert ru.translit("Ёлкино") == "Yolkino"
    assert ru.translit("Ельцово") == "Yeltsovo"
    assert ru.translit("Щучье-Хвостово") == "Shchuchye-Khvostovo"
    # the loose key lets the news' simpler spellings meet BGN's
    assert loose_key(normalize(ru.translit("Малое Зайцевское"))) == loose_key(
        normalize("Maloe Zaitsevskoe")
    )


def _line(name: str, region: str, district: str, lat: float, lon: float, acc: int) -> str:
    return "\t".join(
        ["RU", "100000", name, region, "", district, "", "", "", str(lat), str(lon), str(acc)]
    )


def test_rows_merge_offices_name_units_in_english_and_fix_far_points() -> None:
    reg, dist = "Курская Область", "ЗЯБЛИКОВСКИЙ РАЙОН"
    text = "\n".join(
        [
            _line("Зябликово", reg, dist, 51.00, 35.00, 4),
            _line("Зябликово 2", reg, dist, 51.01, 35.01, 4),
            _line("Ручейки", reg, dist, 51.05, 35.05, 4),
            _line("Пустошка", reg, dist, 51.10, 34.95, 4),
            _line("Кривулино", reg, dist, 56.00, 60.00, 4),  # a namesake's point, far off
            _line("Почтамт Цех 3 Уч. 1.1", reg, dist, 51.0, 35.0, 4),
        ]
    )
    rows = ru.rows_of(text)
    by_id = {r[0]: r for r in rows}
    places = {r[2]: r for r in rows if r[7] == "P"}
    assert sorted(places) == ["Krivulino", "Pustoshka", "Rucheyki", "Zyablikovo"]
    village = places["Zyablikovo"]
    assert "Зябликово" in village[4].split("|")
    assert by_id[village[10]][2] == "Kursk Oblast" and by_id[village[10]][8] == "ADM1"
    district = by_id[village[11]]
    assert district[8] == "ADM2" and district[2] == "Zyablikovskiy District"
    assert "Zyablikovo District" in district[4].split("|")  # named after its centre
    far = places["Krivulino"]
    assert float(far[5]) == pytest.approx(51.05, abs=0.06)  # the district's point instead
    assert float(far[6]) == pytest.approx(35.0, abs=0.06)


def test_a_town_absorbs_the_post_office_place_of_its_name() -> None:
    reg, dist = "Брянская Область", "ОСИНОВСКИЙ РАЙОН"
    text = "\n".join(
        [_line("Осиновка", reg, dist, 52.0, 33.0, 4), _line("Липки", reg, dist, 52.1, 33.1, 4)]
    )
    rows = ru.rows_of(text)
    town = ["1", "1", "Osinovka", "", "Osinowka", "52.01", "33.02", "P", "PPL", "RU", "", "", "900"]
    merged = ru.merge_towns(rows, [town], lambda n: loose_key(normalize(n)))
    assert [r[2] for r in merged if r[7] == "P"] == ["Lipki", "Osinovka"]
    assert town[4].split("|") == ["Osinowka", "Осиновка"]
    assert town[10] and town[11]  # the region and district of the place it absorbed


def test_settle_clears_a_regional_towns_district_and_lends_a_far_region() -> None:
    def row(rid: str, lat: float, lon: float, a1: str, a2: str) -> list[str]:
        return [rid, "", rid, "", "", str(lat), str(lon), "P", "PPL", "RU", a1, a2, ""]

    town = row("1", 50.0, 36.0, "10", "7")  # given a district by a neighbour
    village = row("2", 50.1, 36.1, "10", "7")
    lone = row("3", 50.3, 36.2, "", "")  # 35 km from the village
    far = row("4", 55.0, 40.0, "", "")
    ru.settle([town, village, lone, far], outside={"1"})
    assert (town[10], town[11]) == ("10", "")
    assert (village[10], village[11]) == ("10", "7")
    assert lone[10] == "10" and far[10] == ""
