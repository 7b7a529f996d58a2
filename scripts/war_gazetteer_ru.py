"""Russia's rows of the war gazetteer, from GeoNames' Russian postal-code extract.

No per-country GeoNames dump (``RU.txt``) and no Who's On First repository of Russia could
be had (see src/sitrep/data/WAR_GAZETTEER.md). GeoNames' *postal-code* extract for Russia
(``RU.txt`` in ``RU.zip``, 2016, CC BY 3.0 per its readme.txt) lists 43,538 post offices:
place name, region and district (in Russian) and a point, either GeoNames' own populated
place (accuracy 4) or an average over a postal range (accuracy 1). Post offices sit in
nearly every village of any size, so the border villages of war news are there (a district
centre and the villages around it). This module turns it into gazetteer rows:

- one row per (region, district, name): post offices of one place ("Курск 3") are merged,
  office names that are no place ("... Вокзал Пждп-1") dropped;
- its point is the median of its accuracy-4 points; a point farther from its district's
  median than the district's own spread allows (GeoNames matched a namesake elsewhere), or
  a place with only averaged points, takes the district's median instead (a district is
  some 30 km across: the right district, if not the right spot);
- names are transliterated to Latin letters by :data:`TRANSLIT` (BGN/PCGN, as GeoNames and
  the news write Russian names: Судж→Sudzha, Шебекино→Shebekino), the Cyrillic kept as an
  alternate name; regions get their English names from :data:`REGIONS_EN`, districts
  "<adjective> District" (Суджанский район → Sudzhanskiy District);
- one region (ADM1) and district (ADM2) row each, at the median of its places.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import subprocess
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

# BGN/PCGN romanization of Russian, as GeoNames and English-language news use it. "е" is
# "ye" at the start of a word and after a vowel or a hard/soft sign, "e" elsewhere (see
# translit); the soft sign is left out, as news writes it ("Gornal", not "Gornal'").
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_YE_AFTER = set("аеёиоуыэюяъь")  # after these (and at a word's start) "е" is "ye"

# The federal subjects as the 2016 extract names them, in English (Wikipedia's names; the
# extract predates the 2008 Chita/Kamchatka mergers' renaming in the post's records).
# Federal cities get "City" so that "Moscow Oblast" and the city's unit stay apart.
REGIONS_EN = {
    "Адыгея Республика": "Adygea", "Алтай Республика": "Altai Republic",
    "Алтайский Край": "Altai Krai", "Амурская Область": "Amur Oblast",
    "Архангельская Область": "Arkhangelsk Oblast", "Астраханская Область": "Astrakhan Oblast",
    "Башкортостан Республика": "Bashkortostan", "Белгородская Область": "Belgorod Oblast",
    "Брянская Область": "Bryansk Oblast", "Бурятия Республика": "Buryatia",
    "Владимирская Область": "Vladimir Oblast", "Волгоградская Область": "Volgograd Oblast",
    "Вологодская Область": "Vologda Oblast", "Воронежская Область": "Voronezh Oblast",
    "Дагестан Республика": "Dagestan", "Ивановская Область": "Ivanovo Oblast",
    "Ингушетия Республика": "Ingushetia", "Иркутская Область": "Irkutsk Oblast",
    "Кабардино-Балкарская Республика": "Kabardino-Balkaria",
    "Калининградская Область": "Kaliningrad Oblast", "Калмыкия Республика": "Kalmykia",
    "Калужская Область": "Kaluga Oblast", "Камчатская Область": "Kamchatka Krai",
    "Карачаево-Черкесская Республика": "Karachay-Cherkessia", "Карелия Республика": "Karelia",
    "Кемеровская Область": "Kemerovo Oblast", "Кировская Область": "Kirov Oblast",
    "Коми Республика": "Komi Republic", "Костромская Область": "Kostroma Oblast",
    "Краснодарский Край": "Krasnodar Krai", "Красноярский Край": "Krasnoyarsk Krai",
    "Курганская Область": "Kurgan Oblast", "Курская Область": "Kursk Oblast",
    "Ленинградская Область": "Leningrad Oblast", "Липецкая Область": "Lipetsk Oblast",
    "Магаданская Область": "Magadan Oblast", "Марий Эл Республика": "Mari El",
    "Мордовия Республика": "Mordovia", "Москва": "Moscow City",
    "Московская Область": "Moscow Oblast", "Мурманская Область": "Murmansk Oblast",
    "Нижегородская Область": "Nizhny Novgorod Oblast",
    "Новгородская Область": "Novgorod Oblast", "Новосибирская Область": "Novosibirsk Oblast",
    "Омская Область": "Omsk Oblast", "Оренбургская Область": "Orenburg Oblast",
    "Орловская Область": "Oryol Oblast", "Пензенская Область": "Penza Oblast",
    "Пермский Край": "Perm Krai", "Приморский Край": "Primorsky Krai",
    "Псковская Область": "Pskov Oblast", "Ростовская Область": "Rostov Oblast",
    "Рязанская Область": "Ryazan Oblast", "Самарская Область": "Samara Oblast",
    "Санкт-Петербург": "Saint Petersburg City", "Саратовская Область": "Saratov Oblast",
    "Саха (Якутия) Республика": "Sakha Republic", "Сахалинская Область": "Sakhalin Oblast",
    "Свердловская Область": "Sverdlovsk Oblast",
    "Северная Осетия-Алания Республика": "North Ossetia-Alania",
    "Смоленская Область": "Smolensk Oblast", "Ставропольский Край": "Stavropol Krai",
    "Тамбовская Область": "Tambov Oblast", "Татарстан Республика": "Tatarstan",
    "Тверская Область": "Tver Oblast", "Томская Область": "Tomsk Oblast",
    "Тульская Область": "Tula Oblast", "Тыва Республика": "Tuva",
    "Тюменская Область": "Tyumen Oblast", "Удмуртская Республика": "Udmurtia",
    "Ульяновская Область": "Ulyanovsk Oblast", "Хабаровский Край": "Khabarovsk Krai",
    "Хакасия Республика": "Khakassia", "Челябинская Область": "Chelyabinsk Oblast",
    "Чеченская Республика": "Chechnya", "Читинская Область": "Zabaykalsky Krai",
    "Чувашская Республика": "Chuvashia", "Ярославская Область": "Yaroslavl Oblast",
}  # fmt: skip

# A place name: one to three capitalised Cyrillic words joined by spaces or hyphens (post
# office names such as "Москва-Казанский Вокзал Пждп-1" or "Курск 3" are not, once their
# number is cut off they are the town's name).
_PLACE = re.compile(r"^[А-ЯЁ][а-яё]+(?:[ -](?:[А-ЯЁ][а-яё]+|на|под|в)){0,3}$")
_OFFICE_NO = re.compile(r"\s+\d+$")
_DISTRICT_WORDS = {"район": "District", "волость": "Volost"}
ID_BASE = 9_000_000_000  # row ids of this source (GeoNames' and WOF's ids stay below)
MIN_SPREAD_KM, MAX_SPREAD_KM = 25.0, 250.0
SAME_KM = 20.0  # a town and a post-office place of one name this close are one place
TOWN_KM = 3000.0  # ... and this close, when the place is a town outside the districts
REGION_KM = 50.0  # a place without a region takes that of the nearest place this close


def translit(text: str) -> str:
    """BGN/PCGN Latin spelling of a Russian name ("Большое Солдатское" → "Bolshoye
    Soldatskoye", "Тёткино" → "Tyotkino"); other characters pass through."""
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        lat = TRANSLIT.get(low)
        if lat is None:
            out.append(ch)
        else:
            if low == "е" and (not prev.isalpha() or prev.lower() in _YE_AFTER):
                lat = "ye"
            out.append(lat.capitalize() if ch != low and lat else lat)
        prev = ch
    return "".join(out)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = a[0] - b[0]
    dlon = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dlat, dlon) * 111.2


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def read_postal(repo: Path) -> tuple[str, str]:
    """The commit of a git directory holding ``RU.zip`` and the text of its ``RU.txt``."""
    commit = subprocess.run(
        ["git", "--git-dir", str(repo), "rev-parse", "HEAD"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    blob = subprocess.run(
        ["git", "--git-dir", str(repo), "show", "HEAD:RU.zip"], capture_output=True, check=True
    ).stdout
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return commit, zf.read("RU.txt").decode("utf-8")


def _title(text: str) -> str:
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in text.split())


def _district_name(raw: str) -> str:
    words = raw.strip().lower().split()
    if not words:
        return ""
    unit = _DISTRICT_WORDS.get(words[-1])
    stem = _title(" ".join(words[:-1] if unit else words))
    return f"{translit(stem)} {unit}" if unit else translit(stem)


def _centre_of(raw: str, names: list[str]) -> str | None:
    """The place a district is named after: its adjective is the place's name with the last
    vowel dropped and "-ский" added (Суджанский район: Суджа; Глушковский: Глушково); the
    longest such name among the district's places, None when none is."""
    adjective = raw.strip().lower().split()[0] if raw.strip() else ""
    best = None
    for name in names:
        stem = name.lower().rstrip("аеёиоуыэюяь")
        fits = len(stem) >= 3 and " " not in name and adjective.startswith(stem)
        if fits and (best is None or len(name) > len(best)):
            best = name
    return best


def rows_of(text: str, country: str = "RU") -> list[list[str]]:
    """The gazetteer rows (build_war_gazetteer's columns, admin columns holding the ids of
    this function's own region and district rows) of GeoNames' Russian postal extract."""
    places: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 12 or f[3] not in REGIONS_EN:
            continue
        name = _OFFICE_NO.sub("", f[2].strip())
        if not _PLACE.match(name):
            continue
        try:
            lat, lon, acc = float(f[9]), float(f[10]), int(f[11] or 0)
        except ValueError:
            continue
        places[(f[3], f[5].strip(), name)].append((lat, lon, acc))
    # each district's (or, without one, region's) median and spread over GeoNames' points
    exact: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for (reg, dist, _), pts in places.items():
        good = [(la, lo) for la, lo, acc in pts if acc >= 4]
        if good:
            exact[(reg, dist)].append(_median(good))
    centre: dict[tuple[str, str], tuple[tuple[float, float], float]] = {}
    for key, members in exact.items():
        mid = _median(members)
        dists = sorted(_km(mid, p) for p in members)
        spread = 1.5 * dists[int(0.8 * (len(dists) - 1))] if dists else MIN_SPREAD_KM
        centre[key] = (mid, min(max(spread, MIN_SPREAD_KM), MAX_SPREAD_KM))
    rows: list[list[str]] = []
    units: dict[tuple[str, str], list[str]] = {}
    next_id = ID_BASE

    def unit(reg: str, dist: str) -> list[str]:
        nonlocal next_id
        key = (reg, dist)
        if key not in units:
            next_id += 1
            name = REGIONS_EN[reg] if not dist else _district_name(dist)
            local = reg if not dist else dist.title().replace("Район", "район")
            units[key] = [
                str(next_id), "", name, "", local, "", "", "A",
                "ADM2" if dist else "ADM1", country, "", "", "",
            ]  # fmt: skip
        return units[key]

    for reg, dist, name in sorted(places):
        pts = places[(reg, dist, name)]
        good = [(la, lo) for la, lo, acc in pts if acc >= 4]
        ref = centre.get((reg, dist)) or centre.get((reg, ""))
        point = _median(good) if good else None
        if point is not None and not dist:
            pass  # a town outside the districts: GeoNames' point for it stands
        elif ref is not None and (point is None or _km(point, ref[0]) > ref[1]):
            point = ref[0]  # a namesake elsewhere, or no point of its own: its district's
        if point is None:
            continue
        region = unit(reg, "")
        district = unit(reg, dist) if dist else None
        next_id += 1
        latin = translit(name)
        alts = [name] + ([name.replace("ё", "е")] if "ё" in name else [])
        rows.append(
            [
                str(next_id), "", latin, "", "|".join(alts),
                f"{point[0]:.4f}", f"{point[1]:.4f}", "P", "PPL", country,
                region[0], district[0] if district else "", "",
            ]
        )  # fmt: skip
    by_unit: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        for uid in (r[10], r[11]):
            if uid:
                by_unit[uid].append((float(r[5]), float(r[6])))
    in_district: dict[tuple[str, str], list[str]] = defaultdict(list)
    for reg, dist, name in places:
        in_district[(reg, dist)].append(name)
    for (reg, dist), u in units.items():
        centre_name = _centre_of(dist, in_district[(reg, dist)]) if dist else None
        if centre_name and u[8] == "ADM2":  # "Sudzha District" beside "Sudzhanskiy District"
            u[4] += "|" + translit(centre_name) + " " + u[2].rsplit(" ", 1)[-1]
        mid = _median(by_unit[u[0]])
        u[5], u[6] = f"{mid[0]:.4f}", f"{mid[1]:.4f}"
        u[10] = u[0] if not dist else units[(reg, "")][0]
        u[11] = u[0] if dist else ""
    return list(units.values()) + rows


def merge_towns(
    rows: list[list[str]], towns: list[list[str]], key: Callable[[str], str]
) -> list[list[str]]:
    """GeoNames' towns (cities500 rows) with this source's places. A place of the same
    (``key``-folded) name within :data:`SAME_KM` of a town is that town, which takes the
    place's region, district and Russian name, and the place row goes. A place outside the
    districts (a town of regional rank, whose post offices' points are often averages far
    off) is the nearest town of its name within :data:`TOWN_KM`, which takes its name and
    region (the region is the record's text; only its point is unsure). Returns the rows."""
    by_key: dict[str, list[list[str]]] = defaultdict(list)
    for r in rows:
        if r[7] == "P":
            for k in {key(r[2]), *(key(n) for n in r[4].split("|") if n)}:
                by_key[k].append(r)
    gone: set[str] = set()
    for t in sorted(towns, key=lambda t: -int(t[12] or 0)):
        lat, lon = float(t[5]), float(t[6])
        best: tuple[float, list[str]] | None = None
        found = {k for n in [t[2], *t[4].split("|")] if n for k in [key(n)]}
        for r in (r for k in sorted(found) for r in by_key.get(k, ())):
            d = _km((lat, lon), (float(r[5]), float(r[6])))
            near = d <= SAME_KM or (not r[11] and d <= TOWN_KM)
            if r[0] not in gone and near and (best is None or d < best[0]):
                best = (d, r)
        if best is None:
            continue
        d, r = best
        gone.add(r[0])
        t[10], t[11] = r[10], r[11] if d <= SAME_KM else ""
        names = [n for n in t[4].split("|") if n]
        t[4] = "|".join(names + [n for n in r[4].split("|") if n and n not in names])
    return [r for r in rows if r[0] not in gone] + towns


def settle(rows: list[list[str]], outside: set[str]) -> None:
    """After the neighbours lent regions and districts (build_war_gazetteer._fill_admin,
    15 km): a town outside the districts (ids in ``outside``) keeps none, and a place still
    without a region takes that of the nearest place within :data:`REGION_KM`."""
    cell = 0.5
    grid: dict[tuple[int, int], list[list[str]]] = defaultdict(list)
    for r in rows:
        if r[0] in outside:
            r[11] = ""
        if r[7] == "P" and r[10]:
            grid[(int(float(r[5]) // cell), int(float(r[6]) // cell))].append(r)
    for r in rows:
        if r[7] != "P" or r[10]:
            continue
        here = (float(r[5]), float(r[6]))
        ci, cj = int(here[0] // cell), int(here[1] // cell)
        best: tuple[float, list[str]] | None = None
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for other in grid.get((ci + di, cj + dj), ()):
                    d = _km(here, (float(other[5]), float(other[6])))
                    if d <= REGION_KM and (best is None or d < best[0]):
                        best = (d, other)
        if best is not None:
            r[10] = best[1][10]
