#!/usr/bin/env python3
"""Writes a FiveThirtyEight-format approval CSV of N distinct rows for the import benchmark.

Rows are built from the 184 published rows of covid_approval_polls_biden_all.csv (FiveThirtyEight,
CC BY 4.0, see src/test/resources/fivethirtyeight-covid/): each generated row takes one published
row as a template and varies pollster (a numbered panel of it), field dates, sample size, shares,
question text and URL, so that no two rows are equal. Deterministic for a given seed.

usage: gen_fivethirtyeight.py SOURCE_CSV OUT_CSV ROWS [SEED]
"""
import csv
import datetime
import random
import sys


def main():
    source, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 538
    rng = random.Random(seed)
    with open(source, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        templates = [r for r in reader]
    base = datetime.date(2021, 1, 20)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for i in range(rows):
            t = dict(templates[i % len(templates)])
            start = base + datetime.timedelta(days=rng.randrange(0, 1300))
            end = start + datetime.timedelta(days=rng.randrange(0, 7))
            approve = rng.randrange(30, 65)
            disapprove = rng.randrange(20, 100 - approve)
            t.update({
                "start_date": start.isoformat(),
                "end_date": end.isoformat(),
                "pollster": f"{t['pollster']} Panel {i % 5 + 1}",
                "sample_size": str(rng.randrange(400, 5000)),
                "tracking": rng.choice(["TRUE", "FALSE"]),
                "text": f"{t['text']} (wave {i + 1})",
                "approve": str(approve),
                "disapprove": str(disapprove),
                "url": f"https://example.org/fivethirtyeight-bench/{seed}/{i + 1}",
            })
            writer.writerow(t)


if __name__ == "__main__":
    main()
