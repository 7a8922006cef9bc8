#!/usr/bin/env bash
# Renders one item's public pages of a built site with headless Chromium and checks that the
# pictures show something.
#
#   Scripts/screenshot.sh SITE_DIR ITEM_CODE OUT_DIR
#
# SITE_DIR is the `public` folder of `zhinan build` (or the build's OUT folder, which has
# one). Writes to OUT_DIR:
#   guide.png, guide-phone.png, checklist.png, flow.png   the pages as a browser shows them
#   checklist.pdf                                         the checklist printed (A4)
# and fails (exit 1) when a PNG is missing, tiny or nearly blank, or when the printed
# checklist is not A4 with the one-time notice on a page of its own (needs pdfinfo from
# poppler-utils; skipped with a note when it is not installed). Then, when SITE_DIR is a
# build's OUT folder (public/ and internal/), runs Scripts/site-check.py over the whole site
# (views of every page kind in OUT_DIR/site; print, search, axe, vnu and JSON-LD checks).
# CHROMIUM may name the browser binary. Exit 2 for a usage error.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SITE_DIR ITEM_CODE OUT_DIR" >&2
  exit 2
fi
site=$1 code=$2 out=$3
[ -d "$site/public/items" ] && site=$site/public
item_dir=$site/items/$code
for page in index.html checklist.html flow.html; do
  if [ ! -f "$item_dir/$page" ]; then
    echo "error: $item_dir/$page does not exist" >&2
    exit 2
  fi
done

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "error: no Chromium found (set CHROMIUM)" >&2
  exit 2
fi

mkdir -p "$out"
abs() { (cd "$(dirname "$1")" && printf '%s/%s' "$(pwd)" "$(basename "$1")"); }
url() { printf 'file://%s' "$(abs "$1")"; }

shoot() {  # shoot PAGE PNG WIDTH HEIGHT
  rm -f "$2"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --disable-extensions --user-data-dir="$tmp/profile" \
    --window-size="$3,$4" --screenshot="$2" "$(url "$1")" >/dev/null 2>&1 || true
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shoot "$item_dir/index.html" "$out/guide.png" 1200 2400
shoot "$item_dir/index.html" "$out/guide-phone.png" 390 2400
shoot "$item_dir/checklist.html" "$out/checklist.png" 1200 2400
shoot "$item_dir/flow.html" "$out/flow.png" 1200 1600
rm -f "$out/checklist.pdf"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$tmp/profile" --no-pdf-header-footer \
  --print-to-pdf="$out/checklist.pdf" "$(url "$item_dir/checklist.html")" >/dev/null 2>&1 || true

status=0
python3 - "$out/guide.png" "$out/guide-phone.png" "$out/checklist.png" "$out/flow.png" <<'PY' || status=1
import struct, sys, zlib

MIN_BYTES = 10_000      # a blank 1200x2400 PNG from Chromium is a few KB
MIN_INK = 0.005         # share of pixels that differ from the background
MIN_COLOURS = 16        # text, rules and antialiasing give many more

def pixels(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat = 8, []
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        pos += 12 + n
    if depth != 8 or interlace != 0 or ctype not in (0, 2, 4, 6):
        raise ValueError('unsupported PNG layout')
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b''.join(idat))
    stride = w * bpp
    try:
        import numpy as np
    except ImportError:
        np = None
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev)) if np is None else \
                bytearray((np.frombuffer(bytes(line), np.uint8) + np.frombuffer(bytes(prev), np.uint8)).tobytes())
        elif f != 0:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                if f == 1:
                    line[x] = (line[x] + a) & 255
                elif f == 3:
                    line[x] = (line[x] + ((a + b) >> 1)) & 255
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows

failed = False
for path in sys.argv[1:]:
    try:
        size = len(open(path, 'rb').read())
    except OSError:
        print(f'FAIL {path}: missing'); failed = True; continue
    if size < MIN_BYTES:
        print(f'FAIL {path}: only {size} bytes'); failed = True; continue
    try:
        w, h, bpp, rows = pixels(path)
    except Exception as e:
        print(f'FAIL {path}: {e}'); failed = True; continue
    counts = {}
    for row in rows[::2]:                       # every other row and column is plenty
        for x in range(0, len(row), bpp * 2):
            px = row[x:x + 3]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    background = max(counts.values())
    ink = 1 - background / total
    if ink < MIN_INK or len(counts) < MIN_COLOURS:
        print(f'FAIL {path}: nearly blank ({ink:.2%} ink, {len(counts)} colours)'); failed = True
    else:
        print(f'ok   {path}: {w}x{h}, {size} bytes, {ink:.1%} ink, {len(counts)} colours')
sys.exit(1 if failed else 0)
PY

pdf=$out/checklist.pdf
if [ ! -s "$pdf" ]; then
  echo "FAIL $pdf: missing"; status=1
elif command -v pdfinfo >/dev/null 2>&1; then
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  if [[ "$size" != *"(A4)"* ]]; then
    echo "FAIL $pdf: page size is $size, not A4"; status=1
  elif ! command -v pdftotext >/dev/null 2>&1; then
    echo "ok   $pdf: $pages A4 pages (pdftotext missing: notice page not checked)"
  else
    # The notice's title must start a page, after the checklist's pages.
    notice_page=0
    for ((p = 1; p <= pages; p++)); do
      # The first lines below the running header (authority, catalog, 事项编码).
      first=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -v '^[[:space:]]*$' | head -3 | tr -d ' \t\n')
      if [[ "$first" == *一次性告知单* ]]; then notice_page=$p; fi
    done
    if [ "$notice_page" -lt 2 ]; then
      echo "FAIL $pdf: the 一次性告知单 does not start a page of its own"; status=1
    else
      echo "ok   $pdf: $pages A4 pages, 一次性告知单 starts page $notice_page"
    fi
  fi
else
  echo "note $pdf: pdfinfo not installed (poppler-utils); print layout not checked"
fi
# The rest of the site in a browser: phone, desktop and print views of every page kind,
# pages holding only a heading, charts across a page edge, search from file://, axe-core,
# vnu and JSON-LD (Scripts/site-check.py; its views go to OUT_DIR/site).
if [ -d "$site/../internal" ]; then
  python3 "$(dirname "$0")/site-check.py" "$site/.." "$out/site" || status=1
fi
exit $status
