#!/usr/bin/env python3
"""Deterministic news-digest corpus generator.

A copy of the project's shared benchmark workload generator (bench/gen-corpus.py of the Digest bench
workspace), kept here so that bench/run.sh works in any clone; run.sh prefers the shared copy when present.

usage: gen-corpus.py N OUTDIR

Writes OUTDIR/content/articles/NNNNN-slug.md (N files) and OUTDIR/expected.json
(the page counts every generator must produce from this corpus).

Determinism: article i is generated from its own RNG seeded with (SEED, i), so
the corpus for N is byte-identical on every run, and the corpus for N=1000 is
exactly the first 1000 articles of the corpus for N=4000 (article 0 is the
newest). Only the Python stdlib is used; output does not depend on hash seeds.
"""
import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from itertools import accumulate

SEED = 20240630
PER_PAGE = 20
# newest article; older ones step back ~53 min each (strictly decreasing,
# all in the past so no generator drops "future" posts)
BASE_DATE = datetime(2024, 6, 30, 23, 0, 0, tzinfo=timezone.utc)
STEP_MIN = 53

CATEGORIES = ["world", "politics", "business", "technology",
              "science", "health", "sports", "culture"]
CATEGORY_WEIGHTS = [18, 16, 15, 14, 10, 10, 10, 7]

COMMON = ("the of and to a in is that for it on was with as by at from be this "
          "have are or an not but which had were has its their more after over "
          "new said will would could about into than been also when they who "
          "other some first two last year years people government state week "
          "city report officials market plan percent country according").split()

ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
          "t", "v", "w", "z", "br", "cr", "dr", "gr", "pl", "pr", "st", "tr",
          "sh", "ch", "th", "qu"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "rt"]


# keep generated pseudo-words from spelling anything rude
BLOCK = ("fuck", "shit", "cunt", "dick", "cock", "nig", "fag", "slut", "whore",
         "piss", "tit", "twat", "rape", "porn", "sex", "kill", "nazi", "cum")


def pseudo_words(rng, count, min_syl=1, max_syl=3):
    seen, out = set(), []
    while len(out) < count:
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                    for _ in range(rng.randint(min_syl, max_syl)))
        if any(b in w for b in BLOCK):
            continue
        if 3 <= len(w) <= 12 and w not in seen:
            seen.add(w)
            out.append(w)
    return out


# Shared vocabularies come from one fixed-seed RNG (independent of N).
_vrng = random.Random(SEED)
WORDS = pseudo_words(_vrng, 1500)
TAG_VOCAB = []
for _w in pseudo_words(_vrng, 360, 2, 3):
    if len(TAG_VOCAB) >= 300:
        break
    TAG_VOCAB.append(_w)
# ~1 in 6 tags is two words joined with a hyphen (e.g. "climate-change" style);
# all tags are lower-case ASCII [a-z-] so every generator slugifies them identically.
for _k in range(0, 300, 6):
    TAG_VOCAB[_k] = TAG_VOCAB[_k] + "-" + WORDS[_k]
# Zipf-like (s = 1.07) weights by rank.
TAG_WEIGHTS = [1.0 / (r + 1) ** 1.07 for r in range(len(TAG_VOCAB))]
FIRST = pseudo_words(_vrng, 40, 1, 2)
LAST = pseudo_words(_vrng, 40, 2, 3)
AUTHORS = [FIRST[k].capitalize() + " " + LAST[k].capitalize() for k in range(40)]
# cumulative weights, precomputed once (random.choices would redo the sums per call)
COMMON_CW = list(accumulate(1.0 / (r + 1) for r in range(len(COMMON))))
WORD_CW = list(accumulate(1.0 / (r + 1) ** 0.8 for r in range(len(WORDS))))
TAG_CW = list(accumulate(TAG_WEIGHTS))
CATEGORY_CW = list(accumulate(CATEGORY_WEIGHTS))


def word(rng):
    if rng.random() < 0.45:
        return rng.choices(COMMON, cum_weights=COMMON_CW)[0]
    return rng.choices(WORDS, cum_weights=WORD_CW)[0]


def words(rng, n):
    return [word(rng) for _ in range(n)]


def sentence(rng, lo=8, hi=22, inline=True):
    ws = words(rng, rng.randint(lo, hi))
    if inline and len(ws) > 6:
        r = rng.random()
        j = rng.randrange(1, len(ws) - 3)
        if r < 0.12:
            ws[j] = "*" + ws[j] + "*"
        elif r < 0.20:
            ws[j] = "**" + ws[j] + " " + ws[j + 1] + "**"
            del ws[j + 1]
        elif r < 0.30:
            slug = "-".join(w.strip("*") for w in ws[j:j + 3])
            ws[j] = "[" + " ".join(ws[j:j + 2]) + "](https://example.org/" + slug + ")"
            del ws[j + 1]
    s = " ".join(ws)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", ".", "?", "!"])


def paragraph(rng, min_words):
    out, n = [], 0
    while n < min_words:
        s = sentence(rng)
        out.append(s)
        n += len(s.split())
    return " ".join(out), n


def title_case(ws):
    return " ".join(w.capitalize() if k == 0 or len(w) > 3 else w for k, w in enumerate(ws))


def body(rng):
    target = rng.randint(400, 900)
    blocks, n = [], 0
    n_head = rng.randint(2, 4)
    list_at = rng.randint(1, 3)
    quote_at = rng.randint(2, 5)
    k = 0
    while n < target:
        if k > 0 and k % 3 == 0 and n_head > 0:
            blocks.append("## " + title_case(words(rng, rng.randint(3, 7))))
            n_head -= 1
        if k == list_at:
            items = ["- " + sentence(rng, 4, 10) for _ in range(rng.randint(3, 6))]
            blocks.append("\n".join(items))
            n += sum(len(i.split()) for i in items)
        if k == quote_at:
            q = sentence(rng, 12, 28, inline=False)
            blocks.append("> " + q + "\n>\n> — " + rng.choice(AUTHORS))
            n += len(q.split())
        p, m = paragraph(rng, rng.randint(45, 110))
        blocks.append(p)
        n += m
        k += 1
    return "\n\n".join(blocks) + "\n"


def pick_tags(rng):
    k = rng.randint(2, 5)
    chosen = []
    while len(chosen) < k:
        t = rng.choices(TAG_VOCAB, cum_weights=TAG_CW)[0]
        if t not in chosen:
            chosen.append(t)
    return chosen


def article(i):
    rng = random.Random(SEED * 1_000_003 + i)
    twords = words(rng, rng.randint(5, 11))
    title = title_case(twords)
    slug = "-".join(twords[:6])
    date = BASE_DATE - timedelta(minutes=STEP_MIN * i) + timedelta(
        minutes=rng.randrange(0, 50), seconds=rng.randrange(0, 60))
    cat = rng.choices(CATEGORIES, cum_weights=CATEGORY_CW)[0]
    tags = pick_tags(rng)
    author = rng.choice(AUTHORS)
    summary = sentence(rng, 14, 30, inline=False)
    fm = [
        "---",
        "title: " + json.dumps(title),
        "date: " + date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "categories: [" + json.dumps(cat) + "]",
        "tags: [" + ", ".join(json.dumps(t) for t in tags) + "]",
        "author: " + json.dumps(author),
        "summary: " + json.dumps(summary),
        "---",
        "",
    ]
    name = "%05d-%s.md" % (i, slug)
    return name, "\n".join(fm) + body(rng), cat, tags


def pages(count):
    return max(1, math.ceil(count / PER_PAGE))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen-corpus.py N OUTDIR")
    n = int(sys.argv[1])
    out = sys.argv[2]
    adir = os.path.join(out, "content", "articles")
    os.makedirs(adir, exist_ok=True)
    for f in os.listdir(adir):
        if f.endswith(".md"):
            os.remove(os.path.join(adir, f))
    tag_count, cat_count, words_total = {}, {}, 0
    for i in range(n):
        name, text, cat, tags = article(i)
        with open(os.path.join(adir, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        words_total += len(text.split("---\n", 2)[2].split())
        cat_count[cat] = cat_count.get(cat, 0) + 1
        for t in tags:
            tag_count[t] = tag_count.get(t, 0) + 1
    exp = {
        "n": n,
        "per_page": PER_PAGE,
        "article_pages": n,
        "home_pages": pages(n),
        "tags": len(tag_count),
        "tag_pages": sum(pages(c) for c in tag_count.values()),
        "categories": len(cat_count),
        "category_pages": sum(pages(c) for c in cat_count.values()),
        "index_pages": 2,
        "feed_items": min(20, n),
        "body_words_mean": round(words_total / max(n, 1), 1),
        "tag_counts": dict(sorted(tag_count.items())),
        "category_counts": dict(sorted(cat_count.items())),
    }
    exp["total_html_pages"] = (exp["article_pages"] + exp["home_pages"] + exp["tag_pages"]
                               + exp["category_pages"] + exp["index_pages"])
    with open(os.path.join(out, "expected.json"), "w") as fh:
        json.dump(exp, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote %d articles to %s (tags=%d tag_pages=%d category_pages=%d total_html=%d mean_words=%.0f)"
          % (n, adir, exp["tags"], exp["tag_pages"], exp["category_pages"],
             exp["total_html_pages"], exp["body_words_mean"]))


if __name__ == "__main__":
    main()
