"""Make the audit log refuse UPDATE in the database itself, not only through the ORM.

Deleting rows is left to the hash chain to detect (a missing number breaks it), because test
databases and ``flush`` empty every table.
"""

from django.db import migrations

TRIGGER = "cases_auditevent_no_update"

SQLITE = (f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} BEFORE UPDATE ON cases_auditevent "
          "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;")
POSTGRES = [
    "CREATE OR REPLACE FUNCTION cases_auditevent_refuse_update() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql;",
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON cases_auditevent;",
    f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON cases_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION cases_auditevent_refuse_update();",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = [SQLITE] if vendor == "sqlite" else POSTGRES if vendor == "postgresql" else []
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON cases_auditevent")
        schema_editor.execute("DROP FUNCTION IF EXISTS cases_auditevent_refuse_update()")


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
