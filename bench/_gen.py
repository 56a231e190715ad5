"""Generated workspaces for the benchmarks: N realistic postings (~5 KB bodies) and tracker entries.

Bodies are stitched from the lines of the real raw postings in ``raw/`` (the seeds),
under the section headings the importer writes, so Markdown rendering, search data
and page sizes look like the real thing. Deterministic for a given seed.
``write_mkdocs`` writes the same postings as an MkDocs project for the comparison.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "raw"
SECTIONS = ("Summary", "Qualifications and experience", "Main accountabilities", "Competencies", "Contract", "Remarks")
ORGS = (
    "NATO International Staff (NATO IS)",
    "NATO Communications and Information Agency (NCIA)",
    "NATO Support and Procurement Agency (NSPA)",
    "Allied Command Transformation (ACT)",
    "Supreme Headquarters Allied Powers Europe (SHAPE)",
)
PLACES = ("Brussels, Belgium", "The Hague, Netherlands", "Capellen, Luxembourg", "Norfolk, United States", "Mons, Belgium")
ZONES = ("Europe/Brussels", "Europe/Amsterdam", "Europe/Luxembourg", "America/New_York", "Europe/Brussels")
TITLES = ("Policy Officer", "Senior Engineer", "Finance Assistant", "HR Advisor", "Legal Officer", "Analyst", "Project Manager")
STATUSES = ("interested", "preparing", "applied", "interview", "rejected")
OLD = time.time() - 3600  # postings are files saved earlier, not during the build


def seed_lines() -> list[str]:
    """Sentences from the real postings (long lines only: prose, not the board's menus)."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = re.sub(r"^[-*•]\s*", "", line.strip())
            if len(line) > 60:
                lines.append(line)
    if not lines:
        lines = ["The incumbent supports the Head of Section in the design of policies and the delivery of projects."]
    return lines


def body_text(rng: random.Random, lines: list[str], target: int = 5000) -> str:
    parts: list[str] = []
    size = 0
    for section in SECTIONS:
        parts.append(f"## {section}\n")
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.5:
                items = [f"- {rng.choice(lines)}" for _ in range(rng.randint(2, 4))]
                parts.append("\n".join(items) + "\n")
            else:
                parts.append(" ".join(rng.choice(lines) for _ in range(rng.randint(1, 3))) + "\n")
        size = sum(len(p) for p in parts)
        if size >= target:
            break
    while size < target:
        extra = rng.choice(lines)
        parts.append(extra + "\n")
        size += len(extra)
    return "\n".join(parts)


def posting(rng: random.Random, i: int, lines: list[str]) -> tuple[str, str, dict]:
    title = f"{rng.choice(TITLES)} {i}"
    ref = str(250000 + i)
    pid = f"{ref}-{title.lower().replace(' ', '-')}"
    k = rng.randrange(len(ORGS))
    deadline = dt.date(2026, 11, 1) + dt.timedelta(days=rng.randint(0, 180))
    meta = {
        "title": title,
        "reference": ref,
        "organisation": ORGS[k],
        "location": PLACES[k],
        "grade": f"G{rng.randint(8, 22)}",
        "salary": round(rng.uniform(3000, 12000), 2),
        "currency": "EUR",
        "schedule": "Full-time",
        "posts": 1,
        "deadline": f"{deadline.isoformat()}T23:59:00+01:00",
        "timezone": ZONES[k],
        "languages": "English (4), French (2)",
        "clearance": "NATO SECRET",
    }
    front = "\n".join(f"{key}: {value!r}" if isinstance(value, str) and key == "reference" else f"{key}: {value}" for key, value in meta.items())
    front = front.replace("reference: '", 'reference: "').replace("'\n", '"\n', 1)
    return pid, f"---\n{front}\n---\n\n{body_text(rng, lines)}", meta


def tracker_entry(rng: random.Random, pid: str) -> str:
    status = rng.choice(STATUSES)
    return (
        f"{pid}:\n  status: {status}\n  priority: {rng.choice(('low', 'normal', 'high'))}\n"
        f"  tags: [{rng.choice(('policy', 'finance', 'tech'))}, {rng.choice(('brussels', 'remote', 'compare'))}]\n"
        f"  notes: |\n    Spoke to a former colleague. *Essay* drafted.\n"
        f"  history:\n    - {{date: 2026-10-0{rng.randint(1, 9)}, status: interested}}\n"
        f"    - {{date: 2026-10-1{rng.randint(0, 9)}, status: {status}}}\n"
        f"  reminders:\n    - {{date: 2026-12-0{rng.randint(1, 9)}, note: Check Taleo}}\n"
        f"  events:\n    - {{date: 2026-12-1{rng.randint(0, 9)}T10:00, title: Written test, location: NATO HQ}}\n"
    )


def generate(root: Path, n: int, seed: int = 1, tracked: float = 0.3) -> list[str]:
    """Write ``postings/`` (n files) and ``tracker.yaml`` under ``root``; return the ids."""
    rng = random.Random(seed)
    lines = seed_lines()
    (root / "postings").mkdir(parents=True, exist_ok=True)
    ids: list[str] = []
    tracker: list[str] = []
    for i in range(n):
        pid, text, _ = posting(rng, i, lines)
        path = root / "postings" / f"{pid}.md"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (OLD, OLD))
        ids.append(pid)
        if rng.random() < tracked:
            tracker.append(tracker_entry(rng, pid))
    (root / "tracker.yaml").write_text("\n".join(tracker), encoding="utf-8")
    os.utime(root / "tracker.yaml", (OLD, OLD))
    return ids


def write_mkdocs(root: Path, workspace: Path) -> Path:
    """The same postings as an MkDocs project (a page each, facts as a table, an index)."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    index = ["# Postings\n", "| Posting | Deadline |", "|---|---|"]
    for path in sorted((workspace / "postings").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        facts = [line.split(": ", 1) for line in front.strip().splitlines()]
        title = dict(facts).get("title", path.stem)
        table = "| Fact | Value |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in facts)
        (docs / path.name).write_text(f"# {title}\n\n{table}\n\n{body}", encoding="utf-8")
        index.append(f"| [{title}]({path.name}) | {dict(facts).get('deadline', '')} |")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: NATO vacancies\nuse_directory_urls: false\n", encoding="utf-8")
    return root


def bench_dir() -> "Path":
    """Where benchmarks make their workspaces: beside the repository's own (a person's
    workspace is a repository on their disk), not /tmp, where creating a file costs
    ~1 ms of CPU on this project's VMs against ~0.07 ms under the repository.
    NATOSITE_BENCH_DIR picks another disk."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("NATOSITE_BENCH_DIR", Path(__file__).resolve().parent.parent / ".natosite-cache" / "bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settle_disk(folder: "Path", batch: int = 250, limit: int = 8000, cheap_ms: float = 0.15) -> str:
    """Create throwaway files in ``folder`` until creating one is cheap; say what it took.

    On this project's VMs, after thousands of files were deleted (e.g. by the clean-up of
    the bench that ran before), the next ~2,500-3,000 files created cost ~1 ms of CPU
    each instead of ~0.03 ms, whatever their size, and then drop back at once. A run
    started in that state times the VM's file creation, not natosite (nor MkDocs). The
    files stay until the bench's folder is deleted. The line returned is printed, so a
    reader sees the state the machine was in."""
    import os
    import tempfile
    import time
    from pathlib import Path

    scratch = Path(tempfile.mkdtemp(prefix="settle-", dir=folder))
    made, first, cost = 0, None, 0.0
    while made < limit:
        start = time.process_time()
        for i in range(made, made + batch):
            fd = os.open(scratch / f"{i}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, b"x")
            os.close(fd)
        cost = (time.process_time() - start) * 1000 / batch
        first = cost if first is None else first
        made += batch
        if cost < cheap_ms:
            break
    return (f"disk settled first: {made:,} throwaway files created ({first:.2f} ms of CPU each in the first "
            f"{batch}, {cost:.2f} ms in the last {batch})")


def tracker_edit(text: str, i: int) -> str:
    """tracker.yaml with the first entry's status changed (interview / offer, alternately) and a
    comment line that is new each time: every save is a text the file never had, as a person's are."""
    text = re.sub(r"(?m)^  status: \w+", f"  status: {('interview', 'offer')[i % 2]}", text, count=1)
    return re.sub(r"(?m)^# bench edit \d+\n", "", text) + f"# bench edit {i}\n"
