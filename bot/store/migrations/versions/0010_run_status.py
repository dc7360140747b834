"""run status: each run keeps its last status before the solve, and when it was set

Revision ID: 0010
Revises: 0009

The stale backlog of a past moment needs each unsolved ticket's status then; probing the
status changes for every ticket of a large backlog was the digest's slowest statement.
A run's `status` and `status_at` (bot/store/history.py) answer it without a probe for
every moment after `status_at`. Existing runs are rebuilt here from the stored changes.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('ticket_runs', sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column('ticket_runs', sa.Column('status_at', bot.store.types.UTCDateTime(), nullable=True))
    # Runs of tickets with stored changes get the new columns; the facts do not change.
    from bot.store.history import STATUS_CHANGES, rebuild_runs

    bind = op.get_bind()
    ids = [int(i) for (i,) in bind.execute(sa.select(STATUS_CHANGES.c.ticket_id).distinct())]
    rebuild_runs(bind, ids, facts=False)


def downgrade() -> None:
    with op.batch_alter_table('ticket_runs') as batch:
        batch.drop_column('status_at')
        batch.drop_column('status')
