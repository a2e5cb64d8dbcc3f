#!/usr/bin/env python3
"""The import benchmark's batch and its score.

  import_batch.py generate CORPUS OUT   writes the BBC corpus (CORPUS/<category>/NNN.txt: title, blank line, paragraphs)
                                        as wire texts in five shapes under OUT/batch/, plus second copies of some stories
                                        (other shape, other footer) that an import must find, and OUT/truth.json.
  import_batch.py score OUT SITE STDOUT STDERR
                                        compares what `digest import` wrote (its "wrote PATH (from ORIGIN)" lines) with the
                                        truth and prints the per-field accuracy.
"""
import json, os, re, sys, unicodedata
from datetime import date, timedelta

# The digest's own lines, which recur under every story and must not reach an article.
SIGNATURE = 'Readers\' circle: "A digest is read by people who care; pass it on to one more." - the editors'
FOOTER = "--\nTo unsubscribe from this list, reply with STOP in the subject."
AGENCIES = ["BBC News, UK", "Reuters", "AFP, France", "Associated Press", "TASS, Russia"]
PLACES = ["LONDON", "MANCHESTER", "EDINBURGH", "CARDIFF", "BELFAST", "NEW YORK", "BRUSSELS"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def stories(corpus):
    for category in sorted(os.listdir(corpus)):
        folder = os.path.join(corpus, category)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                lines = f.read().replace("\r\n", "\n").split("\n")
            title = lines[0].strip()
            paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
            if title and len(paragraphs) >= 2:
                yield category, name, title, paragraphs


def wire(shape, n, category, title, paragraphs, day, signature=True):
    """One story as wire text; returns (text, expected summary, expected first paragraph)."""
    source = AGENCIES[n % len(AGENCIES)]
    agency = source.split(",")[0]
    place = PLACES[n % len(PLACES)]
    lead = paragraphs[0]
    month_day = f"{MONTHS[day.month - 1]} {day.day}"
    body = paragraphs[1:]
    end = ["", SIGNATURE] if signature else []
    if shape == 0:  # the sample's shape: a mail leftover, an indented header, source then date, standfirst glued on
        first = f"{place}, {month_day}. /{agency}/. {body[0]}" if body else f"{place}, {month_day}. /{agency}/. {lead}"
        rest = body[1:] if body else []
        parts = ["X", f"    Categories: {category}", "", title, "", source, day.strftime("%b %d %Y").replace(" 0", " "),
                 lead, "", first] + sum([["", p] for p in rest], []) + ["", ""] + end
        return "\n".join(parts) + "\n", lead, first
    if shape == 1:  # source and date on one line, the standfirst as its own paragraph before a dateline
        first = f"{place} ({agency}) - {body[0]}" if body else f"{place} ({agency}) - {lead}"
        rest = body[1:] if body else []
        parts = [f"Categories: {category}", "", title, "", f"{source} | {day.strftime('%d.%m.%Y')}", "", lead, "", first] \
            + sum([["", p] for p in rest], []) + end
        return "\r\n".join(parts) + "\r\n", lead, first
    if shape == 2:  # date then source, no standfirst, no dateline: a plain lead
        parts = [f"Category: {category}", "", title, "", f"{day.day} {MONTHS[day.month - 1]} {day.year}", source, "",
                 lead] + sum([["", p] for p in body], []) + end
        return "\n".join(parts) + "\n", "", lead
    if shape == 3:  # RFC 822 date, a mail footer under the signature
        first = f"{place}, {month_day}. /{agency}/. {lead}"
        parts = [f"Categories: {category}", "", title, "", source, day.strftime("%a, %d %b %Y 09:30:00 +0000"), "",
                 first] + sum([["", p] for p in body], []) + end + (["", FOOTER] if signature else [])
        return "\n".join(parts) + "\n", "", first
    # shape 4: ISO date, "Month d, yyyy" dateline, the source after the title on the same block
    first = f"{place}, {month_day}, {day.year} - {lead}"
    parts = [f"Categories: {category}", "", title, source, day.isoformat(), "", first] + sum([["", p] for p in body], []) + end
    return "\n".join(parts) + "\n", "", first


def generate(corpus, out):
    batch = os.path.join(out, "batch")
    os.makedirs(batch, exist_ok=True)
    truth = {}
    start = date(2005, 1, 3)
    # The corpus holds some stories twice (98 files are byte for byte another's, more under another title or lightly
    # edited): a story that shares half its paragraphs with an earlier one is a duplicate of it too.
    by_paragraph = {}
    for n, (category, name, title, paragraphs) in enumerate(stories(corpus)):
        day = start + timedelta(days=n % 360)
        shape = n % 5
        text, summary, first = wire(shape, n, category, title, paragraphs, day)
        file = f"{category}-{name}"
        with open(os.path.join(batch, file), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        # A two-paragraph story in a standfirst shape has one body paragraph: the dateline's.
        last = first if shape in (0, 1) and len(paragraphs) == 2 else paragraphs[-1]
        own = {normal(p) for p in paragraphs}
        earlier = {}
        for p in own:
            for other in by_paragraph.get(p, ()):
                earlier[other] = earlier.get(other, 0) + 1
        near = [other for other, shared in earlier.items() if shared / len(own | truth[other]["_paragraphs"]) >= 0.5]
        same = [other for other in near if truth[other]["_text"] == normal(title + " " + " ".join(paragraphs))]
        copy_of = (same or near or [None])[0]
        truth[file] = {"title": title, "date": day.isoformat(), "source": AGENCIES[n % len(AGENCIES)],
                       "category": category, "summary": summary, "first": first, "last": last,
                       "duplicate_of": truth[copy_of]["duplicate_of"] or copy_of if copy_of else None,
                       "kind": ("same text in the corpus" if same else "half the paragraphs shared") if copy_of else None,
                       "_paragraphs": own, "_text": normal(title + " " + " ".join(paragraphs))}
        for p in own:
            by_paragraph.setdefault(p, []).append(file)
        if n % 50 == 7:  # the same story forwarded again, in another shape and without the footer
            again, _, _ = wire((shape + 2) % 5, n, category, title, paragraphs, day, signature=n % 100 != 7)
            copy = f"{category}-{name[:-4]}~again.txt"  # after the original in name order
            with open(os.path.join(batch, copy), "w", encoding="utf-8", newline="") as f:
                f.write(again)
            truth[copy] = {"duplicate_of": truth[file]["duplicate_of"] or file, "kind": "second copy, another shape",
                           "_paragraphs": set(), "_text": ""}
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({k: {f: v for f, v in t.items() if not f.startswith("_")} for k, t in truth.items()}, f, indent=1, sort_keys=True)
    print(f"{len(truth)} files ({sum(1 for t in truth.values() if t['duplicate_of'])} duplicates) in {batch}")


def normal(text):
    text = unicodedata.normalize("NFC", text.replace("\\", ""))
    return " ".join(re.findall(r"\w+", text.lower()))


def article(path):
    """Front matter (our importer's one-line keys) and body paragraphs of a written article."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    _, matter, body = text.split("---\n", 2)
    import yaml  # python3-yaml; only the score needs it
    return yaml.safe_load(matter), [p for p in body.strip().split("\n\n") if p.strip()]


def score(out, site, stdout, stderr):
    with open(os.path.join(out, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    written = {}
    for line in open(stdout, encoding="utf-8"):
        m = re.match(r"^wrote (\S+) \(from (.+)\)$", line.strip())
        if m:
            written[os.path.basename(m.group(2))] = os.path.join(site, m.group(1))
    skipped = set()
    for line in open(stderr, encoding="utf-8"):
        m = re.match(r"^(\S+): warning DG5008:", line)
        if m:
            skipped.add(os.path.basename(m.group(1)))
    fields = ["title", "date", "source", "category", "summary", "first paragraph", "last paragraph", "signature removed"]
    right = dict.fromkeys(fields, 0)
    originals = [name for name, t in truth.items() if not t["duplicate_of"]]
    for name in originals:
        want = truth[name]
        if name not in written:
            continue
        matter, paragraphs = article(written[name])
        body = "\n\n".join(paragraphs)
        right["title"] += matter.get("title") == want["title"]
        right["date"] += str(matter.get("date", ""))[:10] == want["date"]
        right["source"] += matter.get("source") == want["source"]
        right["category"] += matter.get("categories") == [want["category"]]
        right["summary"] += normal(matter.get("summary", "")) == normal(want["summary"])
        right["first paragraph"] += bool(paragraphs) and normal(paragraphs[0]) == normal(want["first"])
        right["last paragraph"] += bool(paragraphs) and normal(paragraphs[-1]) == normal(want["last"])
        right["signature removed"] += "readers circle" not in normal(body) and "unsubscribe" not in normal(body)
    copies = [name for name, t in truth.items() if t["duplicate_of"]]
    false_alarms = sum(1 for name in originals if name in skipped)
    print(f"stories: {len(originals)} (+{len(copies)} duplicates: the corpus' own and second copies); imported {len(written)}")
    print("| field | right | accuracy |")
    print("|---|---:|---:|")
    for field in fields:
        print(f"| {field} | {right[field]}/{len(originals)} | {100 * right[field] / len(originals):.1f}% |")
    for kind in sorted({truth[name]["kind"] for name in copies}):
        of_kind = [name for name in copies if truth[name]["kind"] == kind]
        hit = sum(1 for name in of_kind if name in skipped)
        print(f"| duplicates found: {kind} | {hit}/{len(of_kind)} | {100 * hit / len(of_kind):.1f}% |")
    print(f"| originals wrongly skipped as duplicates | {false_alarms}/{len(originals)} | |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "generate":
        generate(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 6 and sys.argv[1] == "score":
        score(*sys.argv[2:])
    else:
        sys.exit(__doc__)
