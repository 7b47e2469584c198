#!/usr/bin/env python3
"""The cache of clean clang-tidy results, so that CI checks again only what changed.

A translation unit's result depends only on its preprocessed text (every header it
includes, expanded), the flags, the checks of .clang-tidy and the clang-tidy version;
the key is the SHA-256 of all four. A unit found clean once is not checked again
while its key is unchanged; a unit with findings is never cached.

  tidy-cache.py misses BUILD_DIR CACHE_DIR KEYS_OUT JOBS FILE...
      prints the files to check (no clean result under their key), and writes
      "key<TAB>file" for each to KEYS_OUT
  tidy-cache.py store CACHE_DIR KEYS_FILE FILE...
      records FILE... (checked and clean) under their keys
"""
import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys


def preprocess_command(entry):
    args = shlex.split(entry["command"])
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-c"):
            skip = True  # their operands: the object file, the source (added below)
            continue
        out.append(arg)
    # -C keeps the comments: a NOLINT is one, and it changes the result.
    return out + ["-E", "-C", entry["file"]]


def key_of(entry, config, root):
    run = subprocess.run(preprocess_command(entry), cwd=entry["directory"],
                         capture_output=True, check=False)
    if run.returncode != 0:
        return None  # let clang-tidy report it
    # The clone's own path is left out, so that another clone of the same commit hits.
    digest = hashlib.sha256(config)
    digest.update(entry["command"].replace(root, "@ROOT@").encode())
    digest.update(run.stdout.replace(root.encode(), b"@ROOT@"))
    return digest.hexdigest()


def misses(build, cache, keys_out, jobs, files):
    entries = {e["file"]: e for e in json.load(open(os.path.join(build, "compile_commands.json")))}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tidy_version = subprocess.run([os.environ.get("TIDY", "clang-tidy"), "--version"],
                                  capture_output=True, check=False).stdout
    config = open(os.path.join(root, ".clang-tidy"), "rb").read() + tidy_version
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        keys = list(pool.map(lambda f: key_of(entries[f], config, root) if f in entries else None,
                             files))
    with open(keys_out, "w") as out:
        for f, key in zip(files, keys):
            if key is not None:
                out.write(f"{key}\t{f}\n")
            if key is None or not os.path.exists(os.path.join(cache, key)):
                print(f)


def store(cache, keys_file, files):
    os.makedirs(cache, exist_ok=True)
    keys = dict(reversed(line.rstrip("\n").split("\t")) for line in open(keys_file))
    for f in files:
        if f in keys:
            open(os.path.join(cache, keys[f]), "w").write(f + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "misses":
        misses(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6:])
    elif sys.argv[1] == "store":
        store(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit("tidy-cache.py: misses or store")
