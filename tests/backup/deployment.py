"""A real ctip deployment for the backup tests: its own CTIP_HOME and case store (SQLite, or a fresh
PostgreSQL database ``ctip_backup_<hex>`` when the suite runs with a PostgreSQL ``DATABASE_URL``), driven
through the ``ctip`` command in child processes, exactly as an administrator would."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SRC = Path(__file__).resolve().parents[2] / "src"
CTIP = [sys.executable, "-m", "ctip"]


def postgres_server() -> str | None:
    """The suite's PostgreSQL URL, if it runs on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


class Deployment:
    """One deployment: ``ctip(...)`` runs the command, ``python(code)`` runs Django code against it."""

    def __init__(self, home: Path):
        self.home = home
        self.env_extra: dict[str, str] = {}
        self.database_url = ""
        server = postgres_server()
        if server:
            self.dbname = f"ctip_backup_{secrets.token_hex(4)}"
            self.database_url = urlunsplit(urlsplit(server)._replace(path=f"/{self.dbname}"))
            self._admin(f'CREATE DATABASE "{self.dbname}"')

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("CTIP_", "DJANGO_")) and k != "DATABASE_URL"}
        env |= {"CTIP_HOME": str(self.home), "PYTHONPATH": str(SRC)}
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env | self.env_extra

    def ctip(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([*CTIP, *args], env=self.env, capture_output=True, text=True)
        if check and done.returncode:
            raise AssertionError(f"ctip {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done

    def python(self, code: str):
        """Run ``code`` with Django set up; it sets ``result``, returned here (JSON)."""
        script = "from ctip.web import setup\nsetup()\nresult = None\n" + textwrap.dedent(code) + \
            "\nimport json, sys\nsys.stdout.write('\\n@@' + json.dumps(result, default=str))\n"
        done = subprocess.run([sys.executable, "-c", script], env=self.env, capture_output=True, text=True)
        if done.returncode:
            raise AssertionError(f"script failed:\n{done.stderr}")
        return json.loads(done.stdout.rsplit("\n@@", 1)[1])

    def drop(self) -> None:
        if self.database_url:
            for name in self._admin_rows("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                         f"{self.dbname}%"):
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def databases(self) -> list[str]:
        """Databases of this deployment's name on the server (the live one, and any left by a restore)."""
        return sorted(self._admin_rows("SELECT datname FROM pg_database WHERE datname LIKE %s", f"{self.dbname}%"))

    def _connect(self):
        import psycopg

        parts = urlsplit(postgres_server())
        return psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username,
                               password=parts.password, dbname="postgres", autocommit=True)

    def _admin(self, sql: str) -> None:
        with self._connect() as con:
            con.execute(sql)

    def _admin_rows(self, sql: str, arg: str) -> list[str]:
        with self._connect() as con:
            return [r[0] for r in con.execute(sql, [arg]).fetchall()]


SEED = """
import datetime as dt
from ctip.accounts.models import Organisation, User
from ctip.cases import services
org = Organisation.objects.create(name="IOM office", code="iom-b", org_type="CentralGovernmentOrganisation")
worker = User.objects.create(username="worker", role="case_worker", organisation=org)
User.objects.create(username="boss", role="supervisor", organisation=org, scope="organisation")
result = [services.case_create(actor=worker, first_name=name, last_name="Batbold", gender="Feminine",
                               citizenship="MNG", birth_date=dt.date(1998, 3, 14)).public_id
          for name in ("Sarangerel", "Oyunchimeg", "Altantsetseg")]
"""

ANONYMISE = """
from ctip.accounts.models import User
from ctip.cases import retention
from ctip.cases.models import Case
retention.case_anonymise(actor=User.objects.get(username="boss"), case=Case.objects.get(public_id={case_id!r}),
                         reason="erasure_request")
"""

HOLD = """
from ctip.accounts.models import User
from ctip.cases import retention
from ctip.cases.models import Case
retention.hold_place(actor=User.objects.get(username="boss"), case=Case.objects.get(public_id={case_id!r}),
                     reason="prosecution under way")
"""

LIFT = """
from ctip.accounts.models import User
from ctip.cases import retention
from ctip.cases.models import RetentionHold
hold = RetentionHold.objects.get(case__public_id={case_id!r}, lifted_at__isnull=True)
retention.hold_lift(actor=User.objects.get(username="boss"), hold=hold)
"""

DELETE = """
from ctip.accounts.models import User
from ctip.cases import services
from ctip.cases.models import Case
services.case_delete(actor=User.objects.get(username="boss"), case=Case.objects.get(public_id={case_id!r}),
                     reason="registered by mistake")
"""

FIRST_NAMES = """
from ctip.cases.models import Case
result = {c.public_id: c.person.first_name for c in Case.objects.select_related("person")}
"""
