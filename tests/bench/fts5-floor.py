#!/usr/bin/env python3
"""The full-text index alone: how long SQLite's FTS5 takes to index a library's search text.

    tests/bench/fts5-floor.py LIBRARY.sqlite [HASHSIZE_MB ...]

Copies the study_text rows of an imported library (mgreview-cli import) into a fresh FTS5
table with the library's settings (unicode61 remove_diacritics 2, prefix '2 3') in a
scratch file next to it, one transaction, and prints the CPU time of the inserts and of the
commit for each FTS5 'hashsize' given (default: 1 = FTS5's default, and 64 = what the
import uses for big batches). This is the floor of any import that keeps this index:
docs/performance.md#import-issue-8. Uses Python's sqlite3, i.e. the system's SQLite.
"""
import os
import sqlite3
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    library = sys.argv[1]
    sizes = [int(a) for a in sys.argv[2:]] or [1, 64]
    rows = sqlite3.connect(library).execute(
        "SELECT rowid, title, authors, conclusions, other FROM study_text ORDER BY rowid").fetchall()
    scratch = library + ".fts5-floor"
    print(f"{len(rows)} rows of study_text from {library}; SQLite {sqlite3.sqlite_version}")
    for mb in sizes:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(scratch + suffix):
                os.remove(scratch + suffix)
        db = sqlite3.connect(scratch, isolation_level=None)
        db.execute("PRAGMA journal_mode = wal")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(title, authors, conclusions, other, "
                   "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
        start = time.process_time()
        db.execute("BEGIN")
        db.execute("PRAGMA cache_size = -131072")
        db.execute("INSERT INTO t(t, rank) VALUES ('hashsize', ?)", (mb * 1024 * 1024,))
        db.executemany("INSERT INTO t(rowid, title, authors, conclusions, other) VALUES (?, ?, ?, ?, ?)", rows)
        inserted = time.process_time()
        db.execute("COMMIT")
        done = time.process_time()
        db.close()
        print(f"hashsize {mb:3d} MB: inserts {inserted - start:6.2f} s CPU, commit {done - inserted:5.2f} s CPU, "
              f"index file {os.path.getsize(scratch) / 1e6:.0f} MB")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(scratch + suffix):
            os.remove(scratch + suffix)


if __name__ == "__main__":
    main()
