"""Submissions hold only regular files and folders.

Graders copy a submission as root, and copies follow symbolic links: a link to
source/<lab>/<lab>.ipynb would put the instructor's notebook into the box and the feedback.
Reading a FIFO blocks forever, and a device is not a student's file either. So every entry of
a submission is looked at with ``lstat`` — never followed, never opened — before anything is
copied, and a submission with anything else is not graded.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = {stat.S_ISLNK: "a symbolic link", stat.S_ISFIFO: "a FIFO (named pipe)",
          stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device"}


def kind(path: Path) -> str | None:
    """What ``path`` is if it is neither a regular file nor a folder (by lstat), else None."""
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")


def irregular_entries(folder: Path, within: Path | None = None) -> list[str]:
    """Every entry of ``folder`` (the folder itself and, up to ``within``, the folders that
    hold it included) that is not a regular file or a folder, as "<path> is <kind>"."""
    found = []
    holders = [folder, *(p for p in folder.parents if within and within in p.parents)]
    for holder in holders:
        if what := kind(holder):
            found.append(f"{holder.relative_to(within) if within else holder.name} is {what}")
    if found:
        return found  # never look inside a folder reached through a link
    for directory, folders, files in os.walk(folder):  # os.walk follows no links
        for name in sorted(folders + files):
            path = Path(directory) / name
            if what := kind(path):
                found.append(f"{path.relative_to(folder)} is {what}")
    return found


def refusal(folder: Path, within: Path | None = None) -> str | None:
    """Why the submission in ``folder`` is not graded, if it holds anything but regular files
    and folders; None if it holds only those."""
    entries = irregular_entries(folder, within)
    if not entries:
        return None
    more = f" (and {len(entries) - 3} more)" if len(entries) > 3 else ""
    return ("not graded: a submission may hold only regular files and folders, but "
            f"{'; '.join(entries[:3])}{more}")
