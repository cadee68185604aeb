"""SQLite backend that keeps the query planner's statistics up to date.

SQLite never analyses tables on its own; on an installation that fills up slowly
the planner then picks poor plans (the person timeline read every consultation of
the office). `PRAGMA optimize` on closing a connection analyses the tables that
connection used when they were never analysed or have grown a lot, and is cheap
otherwise (SQLite's advice for short-lived connections). PostgreSQL has autovacuum.
"""

import contextlib

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def _close(self):
        if self.connection is not None:
            with contextlib.suppress(base.Database.Error):
                self.connection.execute("PRAGMA optimize")
        super()._close()
