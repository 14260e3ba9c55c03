"""Build kgraph's bundled knowledge base of politicians from open data.

    python tools/build_kb.py /work/shared/kb kgraph/knowledge/data/people.tsv.gz

Reads the folders of the ``kb`` tree (each has a README with its source, licence and fields)
and writes one gzipped, tab-separated file with a row per person who has a Wikidata QID:

    qid  label  names  offices  parties

``names`` are the name variants ("|"-separated: official full name, first + last,
nickname + last, ...); ``offices`` are ";"-separated ``title|where|start|end`` spells (ISO
dates or years, empty when unknown); ``parties`` are "|"-separated. Rows are sorted by QID
and the gzip header carries no time or file name, so the same input gives the same bytes.

Sources read (people without a Wikidata id cannot be linked and are left out):

- us-congress-legislators (CC0): ``legislators-current.yaml``,
  ``legislators-former-2012on.yaml`` (senators and representatives with terms, states and
  parties) and ``executive.yaml`` (presidents and vice presidents, for the few with a QID);
- us-governors-wikidata (Wikidata, CC0 at source): governors of Dec 2022, joined by name and
  state with openstates-people (CC0) for their term dates and party;
- uk-wikidata-every-politician-scrapers (Wikidata): UK ministers and officeholders, MPs and
  members of the House of Lords;
- world-cabinets-wikidata (Wikidata): heads of state and government and cabinets of 34
  countries;
- world-leaders-wikidata (Wikidata): heads of state and government of 2021-22, foreign
  ministers, international officeholders. The CC BY-SA Wikipedia scrape is not read.

Needs PyYAML (a dependency of dask, so present wherever kgraph is installed); kgraph itself
reads the output with the standard library only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import yaml

US = "United States"
STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
# world-cabinets-wikidata file prefix -> the country its positions belong to
CABINET_COUNTRIES = {
    "argentina-ministers": "Argentina", "australia-cabinet": "Australia",
    "brazil-ministers": "Brazil", "canada-cabinet": "Canada", "china-ministers": "China",
    "denmark-cabinet": "Denmark", "finland-cabinet": "Finland", "france-cabinet": "France",
    "greece-cabinet": "Greece", "hungary-cabinet": "Hungary", "india-ministers": "India",
    "iran-ministers": "Iran", "ireland-ministers": "Ireland", "israel-ministers": "Israel",
    "italy-ministers": "Italy", "japan-ministers": "Japan", "mexico-ministers": "Mexico",
    "netherlands-cabinet": "Netherlands", "new-zealand-cabinet": "New Zealand",
    "norway-cabinet": "Norway", "pakistan-ministers": "Pakistan", "poland-cabinet": "Poland",
    "portugal-cabinet": "Portugal", "romania-cabinet": "Romania", "russia-cabinet": "Russia",
    "scotland-cabinet": "Scotland", "south-africa-cabinet": "South Africa",
    "south-korea-ministers": "South Korea", "spain-ministers": "Spain",
    "sweden-cabinet": "Sweden", "turkey-ministers": "Turkey", "ukraine-cabinet": "Ukraine",
    "us-cabinet": US, "wales-cabinet": "Wales",
}  # fmt: skip
UK = "United Kingdom"
SUPPLEMENT = Path(__file__).resolve().parent / "kb"  # hand-kept tables the kb tree lacks
PARTIES = {"Democrat": "Democratic Party", "Republican": "Republican Party"}
HONORIFICS = re.compile(r"^(Sir|Dame|Lord|Lady|Baroness|Baron|Dr\.?|Rt\.? Hon\.?)\s+")
SUFFIX_COMMA = re.compile(r",\s*(Jr\.?|Sr\.?|II|III|IV)(?=,|$)")
QID = re.compile(r"^Q[1-9][0-9]*$")
# 'John Roe, Baron Roe of Ely', 'Jane Doe, Baroness Doe of Bolton',
# 'William Astor, 4th Viscount Astor': the rank and the title word(s) before any 'of'
PEERAGE = re.compile(
    r",\s*(?:\d+(?:st|nd|rd|th)\s+)?(?P<rank>Baron|Baroness|Viscount|Viscountess)\s+"
    r"(?P<title>[^,]+?)(?:\s+of\s+[^,]+)?\s*$"
)
PEER_STYLES = {"Baron": "Lord", "Viscount": "Lord", "Baroness": "Baroness", "Viscountess": "Lady"}
# Transliterations that drop a doubled final 'y' (Ukrainian '-yy' written '-y' in the news)
DOUBLE_Y = re.compile(r"yy$")
# Nicknames the gazetteer's given_name_variants cannot map (one nickname, several full
# forms): a KB name with the full form also gets the nickname form.
NICKNAMES = {
    "Steven": ("Steve",),
    "Jerrold": ("Jerry",),
    "Jerome": ("Jerry",),
}


class People:
    """Everything known per QID, merged over the sources."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.names: dict[str, set[str]] = defaultdict(set)
        self.offices: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
        self.parties: dict[str, set[str]] = defaultdict(set)

    def add(self, qid, label, names=(), office=None, parties=()) -> None:
        qid = (qid or "").strip()
        label = clean(label)
        if not QID.match(qid) or not label:
            return
        self.labels.setdefault(qid, label)
        self.names[qid].update(n for n in (clean(x) for x in (label, *names)) if n)
        if office:
            title, where, start, end = (clean(x) for x in office)
            self.offices[qid].add((title, where, start[:10], end[:10]))
        self.parties[qid].update(p for p in (clean(x) for x in parties) if p)

    def rows(self) -> list[str]:
        rows = []
        for qid in sorted(self.labels, key=lambda q: int(q[1:])):
            label = self.labels[qid]
            names = sorted(self.names[qid] - {label})
            offices = ";".join("|".join(o) for o in merged_spells(self.offices[qid]))
            rows.append(
                "\t".join(
                    (qid, label, "|".join(names), offices, "|".join(sorted(self.parties[qid])))
                )
            )
        return rows


def clean(text) -> str:
    """NFC, typographic apostrophes made plain ('Tom O’Roe' -> "Tom O'Roe", as
    the linker looks names up), no field separators, single spaces."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\u2019", "'")
    return re.sub(r"[\s|;]+", " ", text).strip()


def name_forms(name: str) -> set[str]:
    """A label and the plain forms it implies: 'Bertram Bowyer, 2nd Baron Denham' ->
    'Bertram Bowyer'; 'Sir John Major' -> 'John Major'; 'Thurgood Marshall, Jr.' ->
    'Thurgood Marshall Jr.' (never 'Thurgood Marshall')."""
    name = clean(name)
    forms = {name}
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    plain = SUFFIX_COMMA.sub(r" \1", plain)  # 'Thurgood Marshall, Jr.': a son, not the father
    plain = plain.split(",")[0].strip()
    while HONORIFICS.match(plain):
        plain = HONORIFICS.sub("", plain, count=1)
    if plain:
        forms.add(plain)
    for form in list(forms):
        forms |= spelling_forms(form)
    return forms


def spelling_forms(name: str) -> set[str]:
    """Other spellings of a plain name the news uses: 'Ivan Petrenkyy' -> 'Ivan Petrenky';
    'Steven Roe' -> 'Steve Roe'."""
    words = name.split()
    if len(words) < 2 or "," in name:
        return set()
    forms = set()
    if DOUBLE_Y.search(words[-1]):
        forms.add(" ".join([*words[:-1], DOUBLE_Y.sub("y", words[-1])]))
    for nick in NICKNAMES.get(words[0], ()):
        forms.add(" ".join([nick, *words[1:]]))
    return forms


def peer_forms(label: str, gender: str = "") -> set[str]:
    """How the news names a member of the House of Lords: 'Lord Roe' for 'John Roe, Baron
    Roe of Ely', 'Baroness Doe' for 'Jane Doe, Baroness Doe'; a member listed by a plain
    two-word name ('John Roe') is 'Lord Roe' or 'Baroness Roe' by gender. Earls, marquesses
    and dukes ('Earl of X') are left out."""
    label = clean(label)
    match = PEERAGE.search(label)
    if match:
        return {f"{PEER_STYLES[match['rank']]} {match['title']}"}
    words = label.split()
    style = {"male": "Lord", "female": "Baroness"}.get(gender)
    if "," in label or "(" in label or len(words) != 2 or not style:
        return set()
    if HONORIFICS.match(label) or words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        return set()
    return {f"{style} {words[-1]}"}


def merged_spells(spells: set[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Spells of one office that follow each other (end = next start) as one."""
    out: list[list[str]] = []
    for title, where, start, end in sorted(spells):
        last = out[-1] if out else None
        if last and last[:2] == [title, where] and follows(last[3], start):
            last[3] = max(last[3], end) if end else ""
            continue
        out.append([title, where, start, end])
    return [tuple(s) for s in out]


def follows(end: str, start: str, gap_days: int = 62) -> bool:
    """Whether a spell starting on ``start`` continues one ending on ``end`` (a new term
    the next day, a new Parliament a few weeks after the last one was dissolved)."""
    if not end or not start:
        return False
    try:
        return date.fromisoformat(start) <= date.fromisoformat(end) + timedelta(days=gap_days)
    except ValueError:
        return start <= end


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def congress_names(name: dict) -> set[str]:
    first, last = name.get("first", ""), name.get("last", "")
    middle, nick, suffix = name.get("middle"), name.get("nickname"), name.get("suffix")
    forms = {f"{first} {last}"}
    if name.get("official_full"):
        forms.add(name["official_full"])
    if middle:
        forms.add(f"{first} {middle} {last}")
        forms.add(f"{first} {middle[0]}. {last}")
    if nick:
        forms.add(f"{nick} {last}")
    if suffix:
        forms |= {f"{f} {suffix}" for f in list(forms) if not f.endswith(suffix)}
    return forms | {x for f in forms for x in spelling_forms(f)}


def add_congress(people: People, kb: Path) -> None:
    folder = kb / "us-congress-legislators"
    titles = {
        "sen": "United States Senator",
        "rep": "United States Representative",
        "prez": "President of the United States",
        "viceprez": "Vice President of the United States",
    }
    presidents = president_qids()
    for file in ("legislators-current.yaml", "legislators-former-2012on.yaml", "executive.yaml"):
        for person in yaml.safe_load((folder / file).read_text(encoding="utf-8")) or []:
            qid = person.get("id", {}).get("wikidata") or presidents.get(president_key(person))
            name = person.get("name", {})
            names = congress_names(name)
            label = name.get("official_full") or f"{name.get('first', '')} {name.get('last', '')}"
            parties = set()
            for term in person.get("terms", []):
                party = term.get("party") or ""
                if party and party != "no party":
                    parties.add(PARTIES.get(party, party))
                where = STATES.get(term.get("state", ""), US) if term.get("state") else US
                office = (titles.get(term.get("type"), term.get("type", "")), where)
                people.add(qid, label, names, (*office, term.get("start", ""), term.get("end", "")))
            for role in person.get("leadership_roles", []):
                title = role.get("title", "")
                people.add(
                    qid, label, names, (title, US, role.get("start", ""), role.get("end", ""))
                )
            people.add(qid, label, names, parties=parties)


def president_qids() -> dict[tuple[str, str, str, str], str]:
    """(first, middle, last, first day as president) -> QID, from the hand-kept table of
    every president's Wikidata id (``tools/kb/us-presidents_wikidata.csv``): the
    executive file has ids only for the few who also sat in Congress."""
    rows = read_csv(SUPPLEMENT / "us-presidents_wikidata.csv")
    return {(r["first"], r["middle"], r["last"], r["first_term"]): r["qid"] for r in rows}


def president_key(person: dict) -> tuple[str, str, str, str]:
    name = person.get("name", {})
    starts = [str(t.get("start", "")) for t in person.get("terms", []) if t.get("type") == "prez"]
    first_day = min(starts) if starts else ""
    return (name.get("first", ""), name.get("middle", ""), name.get("last", ""), first_day)


def add_governors(people: People, kb: Path) -> None:
    """Governors of Dec 2022 (QIDs), with terms and party from Open States where the name
    and state match."""
    terms: dict[tuple[str, str], list[tuple[str, str, str, set[str], set[str]]]] = defaultdict(list)
    for path in sorted((kb / "openstates-people" / "data").glob("*/*/*.yml")):
        if path.parent.name not in ("executive", "retired"):
            continue
        text = path.read_text(encoding="utf-8")
        if "type: governor" not in text:
            continue
        record = yaml.safe_load(text)
        names = {record.get("name", "")} | {
            o.get("name", "") for o in record.get("other_names", [])
        }
        parties = {p.get("name", "") for p in record.get("party", [])}
        parties = {PARTIES.get(p, p) for p in parties if p}
        for role in record.get("roles", []):
            if role.get("type") != "governor":
                continue
            state = STATES.get(path.parts[-3].upper(), "")
            for name in names:
                terms[(state, fold(name))].append(
                    (state, role.get("start_date", ""), role.get("end_date", ""), names, parties)
                )
    for row in read_csv(kb / "us-governors-wikidata" / "us-governors_wikidata.csv"):
        state, qid = row["state"], row["item"]
        names = name_forms(row["name"]) | name_forms(row["enLabel"])
        found = [t for n in names for t in terms.get((state, fold(n)), [])]
        if not found:
            people.add(qid, row["name"], names, (f"Governor of {state}", state, "", ""))
        for where, start, end, more, parties in found:
            people.add(qid, row["name"], names | more, (f"Governor of {where}", where, start, end))
            people.add(qid, row["name"], parties=parties)


def fold(name: str) -> str:
    return re.sub(r"[^a-z]+", " ", clean(name).lower()).strip()


def add_holders(people: People, path: Path, country: str) -> None:
    """A ``holders21`` file: position, person, personID, start, end."""
    for row in read_csv(path):
        person = row.get("person", "")
        office = (row.get("position", ""), country, row.get("start", ""), row.get("end", ""))
        people.add(row.get("personID"), person, name_forms(person), office)


def add_uk(people: People, kb: Path) -> None:
    folder = kb / "uk-wikidata-every-politician-scrapers"
    add_holders(people, folder / "html_holders21.csv", UK)
    for row in read_csv(folder / "html_legislators.csv"):
        title = row["position"]
        if title.startswith("Member of the") and "Parliament of the United Kingdom" in title:
            title = "Member of Parliament"
        office = (title, UK, row.get("start", ""), row.get("end", ""))
        names = name_forms(row["person"])
        if title == "Member of the House of Lords":
            names |= peer_forms(row["person"], row.get("gender", ""))
        people.add(row["personID"], row["person"], names, office)


def add_world(people: People, kb: Path) -> None:
    for path in sorted((kb / "world-cabinets-wikidata").glob("*_holders21.csv")):
        add_holders(people, path, CABINET_COUNTRIES[path.name.split("_")[0]])
    folder = kb / "world-leaders-wikidata"
    for row in read_csv(folder / "world-leaders-2021_wikidata.csv"):
        office = (row["positionLabel"], row["country"], row["start_year"], row["end_year"])
        name = row["officeholderLabel"]
        people.add(row["officeholder"], name, name_forms(name), office)
    for row in read_csv(folder / "world_foreign-ministers_wikidata.csv"):
        office = (row["positionLabel"], row["countryLabel"], row["start"], "")
        people.add(row["person"], row["name"], name_forms(row["name"]), office)
    add_holders(people, folder / "world_international-officeholders_holders21.csv", "")


def build(kb: Path) -> bytes:
    people = People()
    add_congress(people, kb)
    add_governors(people, kb)
    add_uk(people, kb)
    add_world(people, kb)
    header = "# qid\tlabel\tnames\toffices (title|where|start|end;...)\tparties"
    text = "\n".join([header, *people.rows()]) + "\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kb", type=Path, help="the kb folder (its subfolders are the sources)")
    parser.add_argument(
        "out", type=Path, help="output file, e.g. kgraph/knowledge/data/people.tsv.gz"
    )
    args = parser.parse_args(argv)
    data = build(args.kb)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
