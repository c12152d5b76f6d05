"""The public warehouse: what the dashboard may show to anyone, as a file of its own.

In public mode (``ROD_TRAD_MODE=public``) the dashboard opens only this file, which every build
writes beside the whole warehouse (``warehouse.files.public_path``). It holds the goals and
indicators marked public and what belongs to them, and nothing else
(``queries/public/copy.sql`` says what, column by column), so no page, link, download or error
message can show what is not public: it is not there to show. A public server needs only this
file.
"""

from __future__ import annotations

from pathlib import Path

import warehouse


def publish(built: Path, public_db: Path) -> None:
    """Write the public warehouse of the finished build ``built`` to ``public_db``, atomically."""
    with warehouse.building(public_db) as con:
        warehouse.script(con, "warehouse/schema")
        warehouse.attach_read_only(con, built)
        warehouse.script(con, "public/copy")
        warehouse.execute(con, "door/detach_warehouse")
