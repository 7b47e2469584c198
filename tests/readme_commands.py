#!/usr/bin/env python3
"""The README is a test (ctest `readme_commands`).

Runs the command blocks of README.md in order, as a reader would type them, in one
bash session (variables and the `tollgate` alias carry over), on a fresh database in a
temporary folder, and fails naming the README line of the first command that fails.

The convention (README.md, "The README is a test", says it for writers):
  * A fenced block whose info string is `sh` runs. Any other fence (```text, ```json,
    a bare ```) is shown only. `<!-- readme-test: skip -->` on the line before a ```sh
    fence shows that block only.
  * Each command (a line, or several joined by a trailing backslash or an open quote)
    must exit 0, unless its last line ends with a comment `# exit status N`. A `curl`
    runs with --fail-with-body: an HTTP error fails the command.
  * A line starting with `make ` is skipped: the test's set-up has already built the
    binary (`make run`/`make test` is what brought the reader here).
  * `<!-- readme-test: background -->` before a ```sh block starts each of its commands
    in the background (the server); the test waits until it answers /healthz and
    stops it (SIGTERM) at the end, failing if it exited before.
  * The address 127.0.0.1:8080 is replaced by a free loopback port everywhere.
  * One-time secrets: `<!-- readme-test: capture NAME "REGEX" -->` (several may share a
    comment, separated by `;`) before a block searches the output of each of its
    commands for REGEX; the first group of the first match becomes $NAME. A later line
    `NAME=...` (the value literally `...`, any comment after it) is the reader pasting
    what was printed: the test fills in the captured value, and fails there when
    nothing was captured.

Usage: readme_commands.py README.md SOURCE_DIR BUILD_DIR [SHARED_DIR]
The folder the commands run in holds symbolic links to the source tree's entries, with
`build` linked to BUILD_DIR and `../shared` to SHARED_DIR (default SOURCE_DIR/../shared):
nothing is copied, and the source tree's var/ and databases are never touched.
"""

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
DIRECTIVE = re.compile(r"^\s*<!--\s*readme-test:\s*(.*?)\s*-->\s*$")
CAPTURE = re.compile(r'^capture\s+([A-Za-z_][A-Za-z0-9_]*)\s+"(.*)"$')
FILL_IN = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)=\.\.\.(\s+#.*)?\s*$")
EXPECTED_STATUS = re.compile(r"#\s*exit status (\d+)\s*$")
DEFAULT_ADDRESS = "127.0.0.1:8080"
OUTPUT_SHOWN = 4000  # characters of a failing command's output in the report


class Block:
    def __init__(self, start_line, background, captures):
        self.start_line = start_line  # the README line of the opening fence
        self.background = background
        self.captures = captures  # [(name, compiled regex)]
        self.lines = []  # [(readme line number, text)]


class ReadmeError(Exception):
    pass


def parse_blocks(readme_path):
    """The ```sh blocks in order, with the directives written before each."""
    blocks = []
    pending = {"skip": False, "background": False, "captures": []}
    current = None
    with open(readme_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, text in enumerate(lines, start=1):
        fence = FENCE.match(text)
        if current is not None:
            if fence and fence.group(2) == "":
                if current != "shown":
                    blocks.append(current)
                current = None
            elif current != "shown":
                current.lines.append((number, text))
            continue
        if fence:
            runs = fence.group(2) == "sh" and not pending["skip"]
            current = Block(number, pending["background"], pending["captures"]) if runs else "shown"
            pending = {"skip": False, "background": False, "captures": []}
            continue
        directive = DIRECTIVE.match(text)
        if directive:
            for part in [p.strip() for p in directive.group(1).split(";") if p.strip()]:
                capture = CAPTURE.match(part)
                if part == "skip":
                    pending["skip"] = True
                elif part == "background":
                    pending["background"] = True
                elif capture:
                    try:
                        pending["captures"].append((capture.group(1), re.compile(capture.group(2))))
                    except re.error as e:
                        raise ReadmeError(f"README.md:{number}: capture {capture.group(1)}: bad regex: {e}")
                else:
                    raise ReadmeError(f"README.md:{number}: unknown readme-test directive '{part}' "
                                      "(expected skip, background or capture NAME \"REGEX\")")
        elif text.strip():
            # A directive belongs to the block right after it (blank lines allowed).
            pending = {"skip": False, "background": False, "captures": []}
    if current is not None:
        raise ReadmeError("README.md: a fenced block is never closed")
    return blocks


def complete(text):
    """True when bash would read `text` as whole commands (no open quote or brace)."""
    if text.rstrip().endswith("\\"):
        return False
    check = subprocess.run(["bash", "-n"], input=text + "\n", capture_output=True, text=True)
    return check.returncode == 0


def commands_of(block):
    """[(first line, last line, text)]: the block's commands as bash reads them."""
    commands, pending, first = [], [], None
    for number, text in block.lines:
        if not pending and (not text.strip() or text.lstrip().startswith("#")):
            continue
        if first is None:
            first = number
        pending.append(text)
        joined = "\n".join(pending)
        if complete(joined):
            commands.append((first, number, joined))
            pending, first = [], None
    if pending:
        raise ReadmeError(f"README.md:{first}: the command starting here never ends "
                          f"(block at line {block.start_line})")
    return commands


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Shell:
    """One bash session fed command by command; each command's output goes to a file."""

    def __init__(self, cwd, scratch):
        self.scratch = scratch
        self.proc = subprocess.Popen(["bash", "--norc", "--noprofile"], cwd=cwd, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.count = 0
        self.send("shopt -s expand_aliases\nset -o pipefail\n"
                  "curl() { command curl --fail-with-body -sS \"$@\"; }\n"
                  "echo __readme_ready\n")
        self.read_until("__readme_ready")

    def send(self, text):
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def read_until(self, marker):
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise ReadmeError("the bash session running the README ended unexpectedly")
            if line.startswith(marker):
                return line[len(marker):].strip()

    def run(self, command):
        """Runs `command`; returns (exit status, output)."""
        self.count += 1
        out = os.path.join(self.scratch, f"out.{self.count}")
        self.send(f"{{\n{command}\n}} >{shlex.quote(out)} 2>&1 </dev/null\n"
                  f"echo __readme_rc $?\n")
        status = int(self.read_until("__readme_rc"))
        with open(out, encoding="utf-8", errors="replace") as f:
            return status, f.read()

    def start(self, command, log):
        """Starts `command` in the background, output to `log`; returns its pid."""
        self.send(f"{{\n{command}\n}} >{shlex.quote(log)} 2>&1 </dev/null &\n"
                  f"echo __readme_pid $!\n")
        return int(self.read_until("__readme_pid"))

    def alive(self, pid):
        self.send(f"kill -0 {pid} 2>/dev/null; echo __readme_alive $?\n")
        return self.read_until("__readme_alive") == "0"

    def stop(self):
        # Everything the README started shares the session's process group.
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def wait_healthy(address, shell, pid, log, where):
    deadline = time.time() + 120
    while time.time() < deadline:
        if not shell.alive(pid):
            raise ReadmeError(f"{where}: the background command exited before it answered "
                              f"/healthz\n--- its output ---\n{tail(read(log))}")
        try:
            with urllib.request.urlopen(f"http://{address}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise ReadmeError(f"{where}: no answer from http://{address}/healthz within 120 s\n"
                      f"--- its output ---\n{tail(read(log))}")


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def tail(text):
    return text if len(text) <= OUTPUT_SHOWN else "...\n" + text[-OUTPUT_SHOWN:]


def shell_word(value):
    return "'" + value.replace("'", "'\\''") + "'"


def make_view(root, source, build, shared):
    """The folder the README runs in: links to the source tree, build and ../shared."""
    view = os.path.join(root, "tollgate")
    os.mkdir(view)
    for name in os.listdir(source):
        if name in ("build", "var", ".git") or name.startswith("build-"):
            continue
        os.symlink(os.path.join(source, name), os.path.join(view, name))
    os.symlink(os.path.abspath(build), os.path.join(view, "build"))
    os.symlink(os.path.abspath(shared), os.path.join(root, "shared"))
    return view


def run_readme(readme, source, build, shared):
    blocks = parse_blocks(readme)
    address = f"127.0.0.1:{free_port()}"
    captured = {}
    servers = []  # (pid, log, where)
    ran = 0
    with tempfile.TemporaryDirectory(prefix="tollgate-readme-") as root:
        view = make_view(root, source, build, shared)
        scratch = os.path.join(root, "scratch")
        os.mkdir(scratch)
        shell = Shell(view, scratch)
        try:
            for block in blocks:
                for first, last, command in commands_of(block):
                    where = (f"README.md:{first}" + (f"-{last}" if last != first else "")
                             + f" (block at line {block.start_line})")
                    if command.lstrip().startswith("make "):
                        print(f"{where}: skipped (set-up the test has done): {command.strip()}")
                        continue
                    fill = FILL_IN.match(command)
                    if fill:
                        name = fill.group(1)
                        if name not in captured:
                            raise ReadmeError(
                                f"{where}: `{command.strip()}` pastes a value printed earlier, "
                                f"but no capture named {name} matched any output before it "
                                "(see the readme-test: capture comments)")
                        command = f"{name}={shell_word(captured[name])}"
                    command = command.replace(DEFAULT_ADDRESS, address)
                    expected = EXPECTED_STATUS.search(command.split("\n")[-1])
                    expected_status = int(expected.group(1)) if expected else 0
                    print(f"{where}: $ {command}", flush=True)
                    ran += 1
                    if block.background:
                        log = os.path.join(scratch, f"background.{len(servers) + 1}")
                        pid = shell.start(command, log)
                        servers.append((pid, log, where))
                        wait_healthy(address, shell, pid, log, where)
                        output = read(log)
                    else:
                        status, output = shell.run(command)
                        if status != expected_status:
                            raise ReadmeError(
                                f"{where}: exit status {status}, expected {expected_status}:\n"
                                f"  $ {command}\n--- its output ---\n{tail(output)}")
                    for name, regex in block.captures:
                        match = regex.search(output)
                        if match and name not in captured:
                            captured[name] = match.group(1)
                            shell.send(f"{name}={shell_word(captured[name])}\n")
            for pid, log, where in servers:
                if not shell.alive(pid):
                    raise ReadmeError(f"{where}: the background command exited during the "
                                      f"README\n--- its output ---\n{tail(read(log))}")
        finally:
            shell.stop()
    return ran


def main(argv):
    if len(argv) not in (4, 5):
        print("usage: readme_commands.py README.md SOURCE_DIR BUILD_DIR [SHARED_DIR]", file=sys.stderr)
        return 2
    readme, source, build = argv[1:4]
    shared = argv[4] if len(argv) == 5 else os.path.join(source, "..", "shared")
    try:
        ran = run_readme(readme, os.path.abspath(source), build, shared)
    except ReadmeError as e:
        print(f"\nreadme_commands: FAILED at {e}", file=sys.stderr)
        return 1
    print(f"\nreadme_commands: all {ran} README commands ran as written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
