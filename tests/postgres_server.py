"""A throwaway PostgreSQL server on loopback (Debian's `postgresql` package), for gradebook tests.

The server runs from a fresh data directory under the test's temporary folder, trusts local
connections, listens on 127.0.0.1 only, and is stopped (fast) when the context ends. PostgreSQL
refuses to run as root, so as root it runs as the `postgres` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import free_port


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None



def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def running(database: str = "gradebook") -> Iterator[str]:
    """Start a server, create ``database``; yield its SQLAlchemy URL; stop the server.

    Its files live in a directory of their own (the test's tmp_path is private to this user,
    so the server's user could not enter it), removed at the end.
    """
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    workdir = Path(tempfile.mkdtemp(prefix="acelabs-pg-"))
    data, sockets = workdir / "pgdata", workdir / "pgsock"
    sockets.mkdir(parents=True)
    if os.geteuid() == 0:
        server = pwd.getpwnam("postgres")
        for path in (workdir, sockets):
            shutil.chown(path, server.pw_uid, server.pw_gid)
    port = free_port()
    run = lambda *args: subprocess.run(_as_server_user([*map(str, args)]), check=True,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    run(bin_dir / "initdb", "-D", data, "-U", "acelabs", "--auth=trust", "--no-sync")
    run(bin_dir / "pg_ctl", "-D", data, "-w", "-l", workdir / "server.log", "-o",
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        run(bin_dir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "acelabs", database)
        yield f"postgresql://acelabs@127.0.0.1:{port}/{database}"
    finally:
        run(bin_dir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(workdir, ignore_errors=True)
