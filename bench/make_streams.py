#!/usr/bin/env python3
"""Writes JSONL streams made from the BBC corpus, for the triage benchmarks.

    bench/make_streams.py CORPUS_DIR OUT_DIR N [N ...]

writes OUT_DIR/streamN.jsonl for each N: N documents {"id": "docK", "text": ...},
document K being article K mod the corpus's size (articles in sorted path
order; a byte that is not UTF-8 becomes U+FFFD).
"""
import json
import os
import sys


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__.strip())
    corpus, out_dir, sizes = argv[1], argv[2], [int(n) for n in argv[3:]]
    texts = []
    for d, _, files in sorted(os.walk(corpus)):
        for f in sorted(files):
            if f.endswith(".txt") and f != "README.TXT":
                with open(os.path.join(d, f), "rb") as article:
                    texts.append(article.read().decode("utf-8", "replace"))
    for n in sizes:
        with open(os.path.join(out_dir, f"stream{n}.jsonl"), "w") as out:
            for k in range(n):
                out.write(json.dumps({"id": f"doc{k}", "text": texts[k % len(texts)]}) + "\n")
    print(f"{len(texts)} articles; streams of " + " and ".join(f"{n:,}" for n in sizes) + " documents")


if __name__ == "__main__":
    main(sys.argv)
