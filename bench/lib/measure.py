#!/usr/bin/env python3
"""Runs a command and measures it as a whole process tree.

Usage: measure.py OUT_JSON -- COMMAND [ARGS...]

Writes {"wall_s", "cpu_s", "peak_tree_rss_mb", "peak_process_rss_mb", "exit"} to OUT_JSON and
passes the command's stdout through. CPU is user + system time of the command and every
descendant it waited for. The tree's RSS is the sum of the resident sets of the command and all
its live descendants, sampled every 50 ms (a scan of /proc costs under a millisecond), so two
pdftotext processes running side by side count twice, as they use twice the memory; the largest
single process comes from getrusage.
"""
import json
import os
import resource
import subprocess
import sys
import threading
import time


def children_of():
    """Parent pid -> child pids, for every process on the machine."""
    children = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat', 'rb') as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b')') + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    return children


def tree_rss_kb(root):
    children = children_of()
    total = 0
    stack = [root]
    page_kb = os.sysconf('SC_PAGE_SIZE') // 1024
    while stack:
        pid = stack.pop()
        try:
            with open(f'/proc/{pid}/statm') as f:
                total += int(f.read().split()[1]) * page_kb
        except (OSError, ValueError, IndexError):
            pass
        stack.extend(children.get(pid, ()))
    return total


def main():
    out = sys.argv[1]
    command = sys.argv[sys.argv.index('--') + 1:]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    process = subprocess.Popen(command)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(out, 'w') as f:
        json.dump({'wall_s': round(wall, 3), 'cpu_s': round(cpu, 2), 'peak_tree_rss_mb': round(peak[0] / 1024),
                   'peak_process_rss_mb': round(after.ru_maxrss / 1024), 'exit': code}, f)
    sys.exit(0)


if __name__ == '__main__':
    main()
