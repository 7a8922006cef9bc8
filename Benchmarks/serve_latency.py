#!/usr/bin/env python3
"""Measures `zhinan serve`: save-to-reloaded-page latency and memory over many edits.

Usage: Benchmarks/serve_latency.py ZHINAN CATALOG STANDARDS EDITS [--rss-every N] [--field NAME] [--back-to-back]

Starts `ZHINAN serve CATALOG --port 0`, listens to /_events as an open page does, then
EDITS times: rewrites one item's --field (受理范围 by default: shown on the item's own pages
only; 事项名称 also changes the pages of every item sharing a 材料库 material with it),
alternating between two items, and times from
the write to the moment the page, fetched after the reload event, shows the new name
(what a person sees: save, the browser reloads, the new page is there), then, unless
--back-to-back, until the server logs the whole rebuild done, before the next save. Prints
the median, 90th percentile and maximum of both, and the server's RSS (VmRSS) before the first edit
and every N edits. The catalog is edited in place: pass a copy.
"""

import argparse
import glob
import os
import re
import socket
import statistics
import subprocess
import sys
import time


def http_get(port, path):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    chunks = []
    while True:
        b = s.recv(1 << 16)
        if not b:
            break
        chunks.append(b)
    s.close()
    return b"".join(chunks).decode("utf-8", "replace")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_ms(pid):
    """User + system CPU time of the process so far, in ms."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("zhinan")
    ap.add_argument("catalog")
    ap.add_argument("standards")
    ap.add_argument("edits", type=int)
    ap.add_argument("--rss-every", type=int, default=0)
    ap.add_argument("--field", default="受理范围")
    ap.add_argument("--back-to-back", action="store_true",
                    help="save again as soon as the page shows the last save, without waiting for the whole rebuild")
    a = ap.parse_args()

    proc = subprocess.Popen(
        [a.zhinan, "serve", a.catalog, "--port", "0", "--standards", a.standards, "--lang", "en"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "LANG": "C"})
    port = None
    started = time.monotonic()
    for line in proc.stderr:
        m = re.search(r"previewing at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        sys.exit("serve did not start")
    print(f"first build and start: {time.monotonic() - started:.2f} s")
    time.sleep(3)  # as a person would; zhinan before e74615a+1 began watching only after printing the address
    # Keep reading stderr so the server never blocks on it.
    import threading
    build_lines = []
    threading.Thread(target=lambda: [build_lines.append(l) for l in proc.stderr], daemon=True).start()

    # Two items whose field is a one-line value.
    files, originals = [], {}
    for f in sorted(glob.glob(os.path.join(a.catalog, "items", "**", "*.yaml"), recursive=True)):
        text = open(f, encoding="utf-8").read()
        if re.search(rf"^{a.field}: [^|>\s].*$", text, re.M):
            files.append(f)
            originals[f] = text
        if len(files) == 2:
            break
    pages = {}
    for f in files:
        code = re.search(r"^事项编码: *(\S+)", originals[f], re.M).group(1)
        pages[f] = f"/items/{code}/"

    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /_events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    events.settimeout(120)
    pending = b""

    def next_event():
        nonlocal pending
        while b"\n\n" not in pending:
            got = events.recv(4096)
            if not got:
                sys.exit("the server closed /_events")
            pending += got
        event, pending = pending.split(b"\n\n", 1)
        return event

    next_event()  # the current generation, sent on connecting
    latencies = []
    whole = []
    cpu = []
    rss = [(0, rss_kb(proc.pid))]
    for k in range(1, a.edits + 1):
        f = files[k % len(files)]
        name = f"基准测试名称{k}"
        text = re.sub(rf"^{a.field}: .*$", f"{a.field}: {name}", originals[f], count=1, flags=re.M)
        c0 = cpu_ms(proc.pid)
        seen = len(build_lines)
        t0 = time.monotonic()
        with open(f + ".tmp", "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(f + ".tmp", f)  # as editors save
        while True:
            next_event()
            if name in http_get(port, pages[f]):
                break
        latencies.append((time.monotonic() - t0) * 1000)
        if not a.back_to_back:
            # As a person reading the page before saving again: until the whole rebuild
            # (the catalog checked, every page it changes written) is logged.
            while not any(re.search(r"build \d+: (errors|cannot build)", l) for l in build_lines[seen:]):
                time.sleep(0.005)
            whole.append((time.monotonic() - t0) * 1000)
        cpu.append(cpu_ms(proc.pid) - c0)
        if a.rss_every and k % a.rss_every == 0:
            rss.append((k, rss_kb(proc.pid)))
    for f, text in originals.items():
        with open(f, "w", encoding="utf-8") as out:
            out.write(text)
    proc.send_signal(2)
    proc.wait(timeout=60)
    lat = sorted(latencies)
    print(f"edits: {len(lat)}")
    print(f"latency ms: median {statistics.median(lat):.0f}, p90 {lat[int(len(lat) * 0.9) - 1]:.0f}, max {lat[-1]:.0f}")
    if whole:
        w = sorted(whole)
        print(f"whole rebuild ms: median {statistics.median(w):.0f}, p90 {w[int(len(w) * 0.9) - 1]:.0f}, max {w[-1]:.0f}")
    print(f"server CPU ms per edit (user+sys, all threads): median {statistics.median(cpu):.0f}, max {max(cpu):.0f}")
    print("rss MB: " + ", ".join(f"{k}:{kb / 1024:.0f}" for k, kb in rss))
    print("last build line: " + (build_lines[-3].strip() if len(build_lines) >= 3 else ""))
    print(f"exit status: {proc.returncode}")


if __name__ == "__main__":
    main()
