#!/usr/bin/env python3
"""The Markdown report of bench/compare: one table per corpus, the worker scaling, and the targets.

Usage: compare-report.py RUNS_TSV OUT_MD WORK_DIR ROUNDS WORKERS
"""
import csv
import os
import platform
import statistics
import subprocess
import sys

tsv, md, work, rounds, workers = sys.argv[1:6]
rows = list(csv.DictReader(open(tsv), delimiter='\t'))
LABELS = {
    'pdfvariants': f'pdfvariants run -v text -j {workers}',
    'pdfvariants_default': f'pdfvariants run -j {workers} (default variant set)',
    'pdfvariants_j1': 'pdfvariants run -v text -j 1',
    'pdftotext': f'xargs -P {workers} pdftotext',
    'mutool': f'xargs -P {workers} mutool draw -F txt',
    'tika': f'Tika app batch mode (-n {workers}, forked, text)',
    'tika_inprocess': f'Tika in-process loop, PDF module only, {workers} threads',
    'rawpdfbox': f'raw PDFBox loop, {workers} threads',
}


def java_version():
    try:
        return subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]
    except (OSError, IndexError):
        return 'java ?'


def stats(corpus, tool):
    rs = [r for r in rows if r['corpus'] == corpus and r['tool'] == tool]
    if not rs:
        return None
    walls = [float(r['wall_s']) for r in rs]
    return dict(rounds=rs, wall=statistics.median(walls), lo=min(walls), hi=max(walls),
                cpu=statistics.median(float(r['cpu_s']) for r in rs),
                tree=max(int(r['peak_tree_rss_mb']) for r in rs),
                proc=max(int(r['peak_process_rss_mb']) for r in rs),
                fails=rs[-1]['failures'])


def per_round_ratios(corpus, slow, fast):
    """slow / fast wall time, round by round (both ran in the same round, side by side)."""
    out = []
    for r in sorted({x['round'] for x in rows if x['corpus'] == corpus}):
        a = [float(x['wall_s']) for x in rows if x['corpus'] == corpus and x['round'] == r and x['tool'] == slow]
        b = [float(x['wall_s']) for x in rows if x['corpus'] == corpus and x['round'] == r and x['tool'] == fast]
        if a and b:
            out.append(a[0] / b[0])
    return out


loads = [float(r['load']) for r in rows if r.get('load')]
out = ['# Text extraction, side by side', '',
       f'{rounds} interleaved rounds (the order rotates each round), {workers} workers per tool, on '
       f'{platform.node()} ({os.cpu_count()} cores, {java_version()}); 1-minute load average at the start of '
       f'each measurement: median {statistics.median(loads):.1f}, max {max(loads):.1f} (the machine is shared).'
       if loads else '', '',
       'Wall and CPU are medians; [min–max] is the wall range. Peak RSS is the largest, over the rounds, of the '
       'summed resident memory of the whole process tree (sampled every 50 ms: the two pdftotext processes of '
       'xargs -P 2 count together, as do pdfvariants and any worker process it starts, and Tika\'s parent JVM and '
       'its forked children); "largest process" is '
       'the biggest single process. pages/s uses the median wall. "pdfvariants × faster" is the tool\'s median '
       'wall over that of `pdfvariants run -v text` (above 1: pdfvariants is faster), with the range of the '
       'per-round ratios.', '']
targets = []
corpora = list(dict.fromkeys(r['corpus'] for r in rows))
for corpus in corpora:
    name, files, pages, size = open(os.path.join(work, corpus + '.size')).read().split('\t')
    pages = int(pages)
    tools = list(dict.fromkeys(r['tool'] for r in rows if r['corpus'] == corpus))
    if 'pdfvariants_j1' in tools:
        continue  # the scaling corpus: below
    out += [f'## {corpus}: {files} files, {pages} pages, {int(size) / 2**20:.1f} MiB', '']
    if corpus.endswith('-raw-extracts'):
        out += [f'The documents of {corpus[:-len("-raw-extracts")]} that the raw PDFBox loop extracts: it gives up on '
                'the others, whole documents stopped by one bad inline image or missing font, often after doing most '
                'of their work, where pdfvariants extracts every other page. Here every JVM tool does the same job.', '']
    out += [
            '| tool | wall s | [min–max] | CPU s | peak RSS MB (tree) | largest process MB | pages/s | failures '
            '| pdfvariants × faster |',
            '|---|---|---|---|---|---|---|---|---|']
    pv = stats(corpus, 'pdfvariants')
    for tool in ['pdfvariants', 'pdftotext', 'mutool', 'tika', 'tika_inprocess', 'rawpdfbox', 'pdfvariants_default']:
        s = stats(corpus, tool)
        if s is None:
            continue
        if tool in ('pdfvariants', 'pdfvariants_default') or pv is None:
            ratio = '—'
        else:
            rr = per_round_ratios(corpus, tool, 'pdfvariants')
            ratio = f"{s['wall'] / pv['wall']:.2f} [{min(rr):.2f}–{max(rr):.2f}]"
        out.append(f"| {LABELS[tool]} | {s['wall']:.1f} | [{s['lo']:.1f}–{s['hi']:.1f}] | {s['cpu']:.1f} | "
                   f"{s['tree']} | {s['proc']} | {pages / s['wall']:.0f} | {s['fails']} | {ratio} |")
    out.append('')
    if pv:
        for tool, need, what in [('rawpdfbox', 1.0, 'at least as fast as the raw PDFBox loop'),
                                 ('tika', 1.5, 'at least 1.5× faster than Tika app\'s batch mode (forked)')]:
            s = stats(corpus, tool)
            if s:
                r = s['wall'] / pv['wall']
                targets.append((f'{corpus}: `-v text` {what}', f'{r:.2f}×', r >= need))
        for tool, name in [('pdftotext', 'pdftotext'), ('mutool', 'mutool'), ('tika_inprocess', 'Tika\'s in-process loop')]:
            s = stats(corpus, tool)
            if s:
                targets.append((f'{corpus}: `-v text` against {name} (reported, no target)',
                                f'{s["wall"] / pv["wall"]:.2f}×', None))
        d = stats(corpus, 'pdfvariants_default')
        if d:
            rr = per_round_ratios(corpus, 'pdfvariants_default', 'pdfvariants')
            r = d['wall'] / pv['wall']
            targets.append((f'{corpus}: default variant set at most 1.3× `-v text` (per round {min(rr):.2f}–{max(rr):.2f})',
                            f'{r:.2f}×', r <= 1.3))
        for tool in ['pdfvariants', 'pdfvariants_default']:
            s = stats(corpus, tool)
            if s:
                targets.append((f'{corpus}: peak RSS of {LABELS[tool]} under 1 GiB', f"{s['tree']} MB", s['tree'] < 1024))

scaling = [c for c in corpora if any(r['tool'] == 'pdfvariants_j1' for r in rows if r['corpus'] == c)]
for corpus in scaling:
    name, files, pages, size = open(os.path.join(work, corpus + '.size')).read().split('\t')
    one, two = stats(corpus, 'pdfvariants_j1'), stats(corpus, 'pdfvariants')
    rr = per_round_ratios(corpus, 'pdfvariants_j1', 'pdfvariants')
    speedup = one['wall'] / two['wall']
    out += [f'## Worker scaling on {corpus}: {files} small files, {pages} pages', '',
            '| run | wall s | [min–max] | CPU s | peak RSS MB (tree) | pages/s |', '|---|---|---|---|---|---|']
    for tool, s in [('pdfvariants_j1', one), ('pdfvariants', two)]:
        out.append(f"| {LABELS[tool]} | {s['wall']:.1f} | [{s['lo']:.1f}–{s['hi']:.1f}] | {s['cpu']:.1f} | {s['tree']} | "
                   f"{int(pages) / s['wall']:.0f} |")
    out += ['', f'1 → {workers} workers: {speedup:.2f}× (per round {min(rr):.2f}–{max(rr):.2f}).', '']
    targets.append((f'{corpus}: 1 → {workers} workers scale at least 1.7×', f'{speedup:.2f}×', speedup >= 1.7))

out += ['## Targets', '', '| target | measured | met |', '|---|---|---|']
for what, value, ok in targets:
    out.append(f"| {what} | {value} | {'—' if ok is None else 'yes' if ok else '**no**'} |")
out += ['', 'Tools: pdfvariants through `bin/pdfvariants` (its JVM settings, start-up archive and heap sizing); '
        '`xargs -P N pdftotext`; `xargs -P N mutool draw -F txt`; Tika app\'s batch mode, as `java -jar tika-app.jar '
        '-i IN -o OUT -n N --handler t` runs it in Tika 3.x: Tika Pipes, a parent feeding N forked child JVMs one '
        'file at a time, each child parsing with the full parser set (AutoDetectParser, RecursiveParserWrapper: '
        'embedded documents too) into text without a write limit and writing one JSON metadata list per input; '
        'Tika Pipes\' default 60 s per-file timeout kills and restarts a child, as does a crash, and the file '
        'counts as failed (tika-app is not served by this machine\'s Maven registry, so bench/harness TikaBatch '
        'reproduces it from tika-parsers-standard-package); Tika\'s in-process loop, the lighter and more '
        'favourable-to-Tika reference measured before (bench/harness TikaInProcessLoop: one JVM, N threads, an '
        'AutoDetectParser with the PDF parser module only, one .txt per input, no timeout); a raw PDFBox loop '
        '(Loader + PDFTextStripper on N threads, one JVM, PDFBox\'s defaults). The JVM baselines run with the JVM\'s defaults, as a user would start them. External tools '
        'get a 120 s per-file timeout, as pdfvariants\' default --timeout. Every tool writes its outputs to '
        + os.environ.get('BENCH_OUT', 'bench/work') + ' (a tmpfs under /dev/shm by default, so that the file '
        'system\'s inode allocator is not what is measured).']
open(md, 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
