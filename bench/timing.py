#!/usr/bin/env python3
"""Time commands for bench/run, in alternation.

    timing.py RUNS OUT CMD ARG... [';;' OUT CMD ARG...]...

Each command runs once untimed (a warm-up), in the order given; then RUNS rounds, each running every
command once in that order, so that a drift of the machine's speed touches them all alike. Every timed
run appends to its OUT file one line "WALL RSS CPU": the wall time in seconds (perf_counter, to the
tenth of a millisecond), the peak RSS in KiB and the CPU use as a percentage of one core ("172%"), the
last two from the rusage of the process (wait4), as /usr/bin/time -f "%e %M %P" gives them, only finer.
Output and errors of the commands are discarded; their exit status is not looked at (a linter exits 1
when it finds problems).
"""
import os, subprocess, sys, time


def run(cmd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = 0  # reaped here; keep Popen from waiting again
    cpu = (usage.ru_utime + usage.ru_stime) / wall * 100 if wall > 0 else 0
    return "%.4f %d %.0f%%" % (wall, usage.ru_maxrss, cpu)


def main():
    runs, rest = int(sys.argv[1]), sys.argv[2:]
    groups, group = [], []
    for arg in rest + [";;"]:
        if arg == ";;":
            if len(group) < 2:
                sys.exit("timing.py: each group needs OUT and a command")
            groups.append((group[0], group[1:]))
            group = []
        else:
            group.append(arg)
    for out, _ in groups:
        open(out, "w").close()
    for _, cmd in groups:
        run(cmd)
    for _ in range(runs):
        for out, cmd in groups:
            line = run(cmd)
            with open(out, "a") as f:
                f.write(line + "\n")


if __name__ == "__main__":
    main()
