"""Build kgraph's table of given names and the gender they point to, from open data.

    python tools/build_given_names.py /work/shared/kb kgraph/knowledge/data/given_names.tsv

Pronoun resolution needs to know that "he" cannot stand for a person called Margaret. The
table counts, for every given name, how many recorded politicians of each gender bore it,
and keeps the names that point one way clearly (at least ``MIN_PEOPLE`` people and
``MIN_SHARE`` of them of one gender); ambiguous names (Leslie, Jean, Robin) are left out,
so a pronoun is then free to stand for them.

Sources (each folder's README gives its licence):

- us-congress-legislators (CC0): ``legislators-historical.csv`` (first name, nickname,
  gender of every member of Congress since 1789), ``legislators-current.yaml``;
- us-governors-wikidata (Wikidata, CC0): governors with their gender;
- uk-wikidata-every-politician-scrapers (Wikidata, CC0): MPs, peers, ministers and
  officeholders with their gender;
- world-cabinets-wikidata (Wikidata, CC0): ministers of 34 countries with their gender,
  used only for names the sources above do not have (so "Nicola" stays a woman's name in
  English news though Italy's ministers called Nicola are men), and not for the countries
  whose English labels put the family name first (China, South Korea).

Output: tab-separated ``name  gender  people`` (gender ``F`` or ``M``), sorted by name, with
a header line; the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from kgraph.knowledge.text import fold

MIN_PEOPLE = 1
MIN_SHARE = 0.95
GENDERS = {"m": "M", "male": "M", "f": "F", "female": "F"}
HONORIFICS = {"sir", "dame", "lord", "lady", "baroness", "baron", "the", "rt", "hon", "dr"}


def first_given_name(full_name: str) -> str | None:
    """The given name of a full name as written ("Sir John Major" -> john), or None for a
    title-only label ("Bertram Bowyer, 2nd Baron Denham" -> bertram)."""
    words = [w.strip(".,") for w in full_name.split(",")[0].split()]
    words = [w for w in words if w and fold(w) not in HONORIFICS]
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    return fold(words[0])


def us_congress(kb: Path) -> list[tuple[str, str]]:
    found = []
    with open(kb / "us-congress-legislators" / "legislators-historical.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in (row["first_name"], row["nickname"]):
                if name and name.isalpha():
                    found.append((fold(name), row["gender"]))
    path = kb / "us-congress-legislators" / "legislators-current.yaml"
    for person in yaml.safe_load(path.read_text(encoding="utf-8")):
        gender = person.get("bio", {}).get("gender", "")
        for name in (person["name"].get("first", ""), person["name"].get("nickname", "")):
            if name and name.isalpha():
                found.append((fold(name), gender))
    return found


def labelled_csv(path: Path, name_field: str) -> list[tuple[str, str]]:
    found = []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            given = first_given_name(row.get(name_field, ""))
            if given:
                found.append((given, row.get("gender", "")))
    return found


def collect(kb: Path) -> list[tuple[str, str]]:
    found = us_congress(kb)
    found += labelled_csv(kb / "us-governors-wikidata" / "us-governors_wikidata.csv", "enLabel")
    uk = kb / "uk-wikidata-every-politician-scrapers"
    for name in ("html_legislators.csv", "html_holders21.csv", "html_current.csv"):
        found += labelled_csv(uk / name, "person")
    return found


# Cabinets whose English labels put the family name first ("Li Keqiang").
FAMILY_NAME_FIRST = ("china-ministers", "south-korea-ministers")


def world_cabinets(kb: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((kb / "world-cabinets-wikidata").glob("*_holders21.csv")):
        if not path.name.startswith(FAMILY_NAME_FIRST):
            found += labelled_csv(path, "person")
    return found


def table(found: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """The names that point clearly to one gender, with how many people bore them."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name, gender in found:
        if fold(gender) in GENDERS:
            counts[name][GENDERS[fold(gender)]] += 1
    rows = []
    for name in sorted(counts):
        gender, top = counts[name].most_common(1)[0]
        total = sum(counts[name].values())
        if total >= MIN_PEOPLE and top / total >= MIN_SHARE:
            rows.append((name, gender, total))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kb", type=Path, help="the shared kb folder")
    parser.add_argument("output", type=Path, help="the .tsv to write")
    args = parser.parse_args()
    primary = collect(args.kb)
    rows = table(primary)
    seen = {name for name, _ in primary}
    extra = [(name, gender) for name, gender in world_cabinets(args.kb) if name not in seen]
    rows = sorted(rows + table(extra))  # only names the sources above never saw
    lines = ["# name\tgender\tpeople"] + [f"{n}\t{g}\t{c}" for n, g, c in rows]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} given names written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
