#!/usr/bin/env python3
"""Measures `digest preview` the way a writer feels it (see preview-latency.sh).

For each edit: the same edit is first applied to a shadow copy of the site, which `digest build` turns into the
expected output; the files that differ from the previous expected output are the pages the edit affects. Then the
clock starts, the edit is saved in the previewed site, and every affected file is fetched over HTTP until each one
is served with exactly the expected bytes (or 404 when the edit removed it). The time is write -> last page right.
The poller revalidates as a browser does, with the ETag of the version it last saw: until a file changes the preview
answers 304 without a body, so polling a 1.8 MB sitemap every 5 ms does not take a core from the rebuild it waits for.
"""
import argparse
import hashlib
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SETTINGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-site.yml")


def tree(folder):
    """Every file of a built site: relative path -> SHA-256 of its bytes."""
    out = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            out[os.path.relpath(path, folder).replace(os.sep, "/")] = hashlib.sha256(read(path)).digest()
    return out


def read(path):
    with open(path, "rb") as f:
        return f.read()


def make_site(corpus, folder):
    os.makedirs(os.path.join(folder, "input"))
    shutil.copytree(os.path.join(corpus, "content", "articles"), os.path.join(folder, "input", "articles"))
    shutil.copyfile(SETTINGS, os.path.join(folder, "digest.yml"))


def build(digest, site, output):
    subprocess.run([digest, "build", "--site", site, "--output", output, "--quiet"], check=True)


def edit_file(site, rel, change):
    path = os.path.join(site, rel)
    if change is None:
        os.remove(path)
        return
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    new = change(text)
    assert new != text, "edit changed nothing in " + rel
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def sub(pattern, replacement):
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.M)


def edits(articles):
    # Positions as in a 10,000-article corpus (0 is the newest), scaled to the corpus at hand.
    a = lambda i: "input/articles/" + articles[i * len(articles) // 10000]
    new_article = ('---\ntitle: "A new article for the preview benchmark"\ndate: 2024-07-01T08:00:00Z\n'
                   'categories: ["science"]\ntags: ["bench-new-tag", "preview"]\nauthor: "Bench"\n'
                   'summary: "Written by the benchmark."\n---\nA short new article.\n')
    return [
        ("body: paragraph appended (newest article)", a(0), lambda t: t + "\nEdited paragraph for the preview benchmark.\n"),
        ("body: paragraph appended (Hugo's pick)", a(7919), lambda t: t + "\nEdited paragraph number 0 for the incremental rebuild test.\n"),
        ("body: paragraph appended (old article)", a(9100), lambda t: t + "\nAnother edited paragraph.\n"),
        ("title changed (newest article)", a(0), sub(r'^title: .*$', 'title: "Retitled by the preview benchmark"')),
        ("title changed (mid article)", a(3000), sub(r'^title: .*$', 'title: "Mid article retitled"')),
        ("summary changed", a(400), sub(r'^summary: .*$', 'summary: "A new summary."')),
        ("tag added", a(100), sub(r'^tags: \[', 'tags: ["bench-added-tag", ')),
        ("tag removed", a(100), sub(r'^tags: \["bench-added-tag", ', 'tags: [')),
        ("category renamed", a(200), sub(r'^categories: \[.*\]$', 'categories: ["bench-category"]')),
        ("draft flipped", a(9000), sub(r'^---\n', '---\ndraft: true\n')),
        ("new article", "input/articles/99999-new-bench-article.md", lambda t: new_article),
        ("article deleted", a(8000), None),
        ("date moved (to the top of every list)", a(6000), sub(r'^date: .*$', 'date: 2024-07-02T08:00:00Z')),
    ]


class Preview:
    def __init__(self, digest, site, port):
        self.lines = []
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([digest, "preview", "--site", site, "--port", str(port), "--no-reload"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.port = port

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def get(conn_box, port, path, etag=None):
    """(status, body, ETag); with an ETag, a file that is still that version answers 304 and no body."""
    headers = {"If-None-Match": etag} if etag else {}
    for attempt in range(3):
        try:
            conn = conn_box[0]
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            return r.status, r.read(), r.getheader("ETag")
        except (ConnectionError, http.client.HTTPException, OSError):
            if attempt == 2:
                raise
            conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--digest", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--port", type=int, default=15081)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="digest-preview-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    # The preview builds into the temporary folder; the cold builds it is compared with write beside it. One
    # filesystem for both (and for Digest's temporary content file), so the comparison is of the tools, not the disks.
    os.environ["TMPDIR"] = tmp
    preview = None
    try:
        site, shadow = os.path.join(tmp, "site"), os.path.join(tmp, "shadow")
        make_site(args.corpus, site)
        make_site(args.corpus, shadow)
        articles = sorted(os.listdir(os.path.join(site, "input", "articles")))

        cold = []
        for run in range(3):
            out = os.path.join(tmp, "cold-%d" % run)
            shutil.rmtree(os.path.join(shadow, ".digest-cache"), ignore_errors=True)
            t = time.perf_counter()
            build(args.digest, shadow, out)
            cold.append((time.perf_counter() - t) * 1000)
        expected_dir = os.path.join(tmp, "cold-0")
        expected = tree(expected_dir)
        print("load average before the preview: %.1f %.1f %.1f (%d cores)" % (os.getloadavg() + (os.cpu_count(),)))
        print("cold `digest build`: median %.0f ms (%s), %d files" % (statistics.median(cold), ", ".join("%.0f" % c for c in cold), len(expected)))

        preview = Preview(args.digest, site, args.port)
        conn = [http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)]
        while True:
            try:
                status, _, _ = get(conn, args.port, "/")
                if status == 200:
                    break
            except OSError:
                pass
            if time.perf_counter() - preview.started > 600:
                sys.exit("the preview served nothing within 600 s")
            time.sleep(0.01)
        first = (time.perf_counter() - preview.started) * 1000
        print("first page served %.0f ms after `digest preview` started (cold build median %.0f ms): %s"
              % (first, statistics.median(cold), "ok" if first <= statistics.median(cold) else "SLOWER than a cold build"))
        time.sleep(1.0)

        results = []
        for kind, rel, change in edits(articles):
            edit_file(shadow, rel, change)
            build(args.digest, shadow, expected_dir)
            after = tree(expected_dir)
            changed = {p: read(os.path.join(expected_dir, p)) for p, h in after.items() if expected.get(p) != h}
            removed = [p for p in expected if p not in after]
            expected = after
            pending = dict(changed)
            pending.update({p: None for p in removed})
            seen = {p: get(conn, args.port, "/" + p)[2] for p in pending}

            t0 = time.perf_counter()
            edit_file(site, rel, change)
            while pending:
                for path in list(pending):
                    status, body, etag = get(conn, args.port, "/" + path, seen[path])
                    want = pending[path]
                    if (want is None and status == 404) or (want is not None and status == 200 and body == want):
                        del pending[path]
                    elif status == 200:
                        seen[path] = etag
                if time.perf_counter() - t0 > 300:
                    sys.exit("%s: %d pages still not updated after 300 s, e.g. %s" % (kind, len(pending), sorted(pending)[:3]))
                if pending:
                    # Poll every 5 ms, as hugo-incremental.sh does, so the poller does not take a core from the rebuild.
                    time.sleep(0.005)
            ms = (time.perf_counter() - t0) * 1000
            results.append(ms)
            print("  %-42s %7.0f ms  (%d files changed, %d removed)" % (kind, ms, len(changed), len(removed)))
            time.sleep(0.5)

        print("load average after the edits: %.1f %.1f %.1f" % os.getloadavg())
        print("N=%d: save -> every affected page served updated: median %.0f ms over %d edits (min %.0f, max %.0f)"
              % (len(articles), statistics.median(results), len(results), min(results), max(results)))
        rebuilds = [line for _, line in preview.lines if "rebuilt in" in line]
        own = [float(m.group(1)) for m in (re.search(r"rebuilt in (\d+) ms", l) for l in rebuilds) if m]
        if own:
            print("preview's own rebuild times: median %.0f ms (min %.0f, max %.0f) over %d rebuilds"
                  % (statistics.median(own), min(own), max(own), len(own)))
    finally:
        if preview:
            preview.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
