"""``natosite init [PATH]``: a ready workspace."""

from __future__ import annotations

import logging
from pathlib import Path

from natosite.errors import NatositeError

log = logging.getLogger("natosite")

TRACKER_TEMPLATE = """\
# tracker.yaml: where each of your applications stands. Edit it by hand and commit it.
# One entry per posting id (the file name of postings/<id>.md, without .md).
# Postings with no entry here are shown as "new".
#
# <posting-id>:
#   status: applied        # interested | preparing | applied | interview | offer | accepted | rejected | withdrawn
#   priority: high         # low | normal | high
#   tags: [policy, brussels, compare]   # the tag "compare" puts a posting on compare.html
#   notes: |
#     Essay on the three key challenges attached. *Markdown* is fine here.
#   history:               # the journey; the latest entry is the status when `status` is absent
#     - {date: 2025-06-01, status: interested}
#     - {date: 2025-06-15, status: applied, note: essay attached}
#   reminders:
#     - {date: 2025-07-01, note: Check Taleo for longlisting}
#   events:
#     - {date: 2025-07-10T10:00, title: Written test, location: NATO HQ}
#
# `natosite track <id> applied --note "essay attached"` adds a history entry for you.
"""

GITIGNORE = "site/\n.natosite-cache/\n# the new site a build fills beside site/ (left behind only if the build was killed)\n.*.natosite-new-*/\n.*.natosite-old-*/\n"
GITATTRIBUTES = "# calendar files keep their CRLF line endings\n*.ics binary\nraw/** -text\n"


def init_workspace(path: str) -> None:
    root = Path(path)
    if root.exists() and not root.is_dir():
        raise NatositeError(f"{path}: exists and is not a folder")
    root.mkdir(parents=True, exist_ok=True)
    created = []
    for folder in ("postings", "raw"):
        d = root / folder
        if not d.exists():
            d.mkdir()
            (d / ".gitkeep").write_text("")
            created.append(folder + "/")
    for name, text in (("tracker.yaml", TRACKER_TEMPLATE), (".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)):
        target = root / name
        if target.exists():
            if name == ".gitignore" and "site/" not in target.read_text(encoding="utf-8").split():
                with target.open("a", encoding="utf-8") as f:
                    f.write("\n" + GITIGNORE)
                created.append(".gitignore (site/ added)")
            continue
        target.write_text(text, encoding="utf-8")
        created.append(name)
    if created:
        log.info("Created in %s: %s", root, ", ".join(created))
    else:
        log.info("%s is already a workspace; nothing changed.", root)
    log.info("Next: save raw postings in raw/, then `natosite import raw/` and `natosite serve`.")
