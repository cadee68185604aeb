"""Writing many rows fast: reserved ids and plain multi-row INSERTs.

`bulk_create` spends most of its time compiling SQL value by value (about 80 % of
the seeding time at scale). The demo data need none of what it adds — no signals,
no validation — so the big tables are written as plain tuples, on SQLite with
`executemany` on one `INSERT` statement, on PostgreSQL with `COPY … FROM STDIN`
(one round trip per batch instead of one per row), with the ids reserved
beforehand so that rows can point at each other before they are written:

* PostgreSQL: ids are drawn from the table's own sequence (`nextval`), so a
  concurrent writer can never get the same id;
* SQLite: the next ids after the largest one; the seeding transaction holds the
  database's write lock from its first write on, so nobody else can insert.

Rows are dicts of attribute names (`case_id`, not `case`), e.g. a model instance's
`__dict__`. Missing fields get the field's default (`auto_now`/`auto_now_add`: now,
also when None; nullable: NULL); a field without either must be given, or the
insert fails loudly.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, models
from django.utils import timezone

BATCH_SIZE = 2000
COPY_BATCH_SIZE = 50_000
_MISSING = object()


def reserve_ids(model, count: int) -> list[int]:
    """COUNT fresh primary keys for MODEL (see module docstring)."""
    if count <= 0:
        return []
    meta = model._meta
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(
            f"SELECT COALESCE(MAX({quote(meta.pk.column)}), 0) FROM {quote(meta.db_table)}"
        )
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


class RowWriter:
    """Inserts dict rows into MODEL's table (see module docstring)."""

    def __init__(self, model, *, with_pk: bool = True):
        self.model = model
        ops = connection.ops
        now = timezone.now()
        self.fields = []
        for field in model._meta.concrete_fields:
            if field.primary_key and not with_pk:
                continue
            auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            if auto:
                default = now
            elif field.has_default():
                default = field.get_default()
            elif field.null:
                default = None
            else:
                default = _MISSING
            if isinstance(field, models.JSONField):
                adapt = _json_adapter(ops, field)
            elif isinstance(field, models.DateTimeField):
                adapt = ops.adapt_datetimefield_value
            elif isinstance(field, models.DateField):
                adapt = ops.adapt_datefield_value
            else:
                adapt = None
            self.fields.append((field.attname, default, adapt, auto))
        quote = ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(f[0]).column) for f in self.fields)
        table = quote(model._meta.db_table)
        placeholders = ", ".join(["%s"] * len(self.fields))
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.count = 0

    def row(self, values: dict) -> tuple:
        row = []
        for name, default, adapt, auto in self.fields:
            value = values.get(name, default)
            if value is None and auto:
                value = default  # an instance's auto_now field, not set before save()
            elif value is _MISSING:
                raise ValueError(f"{self.model._meta.label}.{name} needs a value")
            if adapt is not None and value is not None:
                value = adapt(value)
            row.append(value)
        return tuple(row)

    def insert(self, rows: Iterable[dict]) -> int:
        if connection.vendor == "postgresql":
            return self._copy(rows)
        batch = []
        count = 0
        with connection.cursor() as cursor:
            for values in rows:
                batch.append(self.row(values))
                if len(batch) >= BATCH_SIZE:
                    cursor.executemany(self.sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(self.sql, batch)
                count += len(batch)
        self.count += count
        return count

    def _copy(self, rows: Iterable[dict]) -> int:
        # Batches, so that ROWS may come from a query on the same connection (no other
        # statement can run while a COPY is open).
        count = 0
        batch = []
        for values in rows:
            batch.append(self.row(values))
            if len(batch) >= COPY_BATCH_SIZE:
                count += self._copy_batch(batch)
                batch = []
        if batch:
            count += self._copy_batch(batch)
        self.count += count
        return count

    def _copy_batch(self, batch: list[tuple]) -> int:
        with connection.cursor() as cursor, cursor.cursor.copy(self.copy_sql) as copy:
            for row in batch:
                copy.write_row(row)
        return len(batch)


def _json_adapter(ops, field):
    def adapt(value):
        return ops.adapt_json_value(value, field.encoder)

    return adapt


def insert(model, rows: Iterable[dict], *, with_pk: bool = True) -> int:
    return RowWriter(model, with_pk=with_pk).insert(rows)
