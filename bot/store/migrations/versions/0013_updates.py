"""proactive updates: one row per decision to update a stale ticket; the waiting tickets' index

Revision ID: 0013
Revises: 0012

`proactive_updates` records each decision (queued, drafted for review, dry run) under a
unique decision key, so two sweeps decide once (see bot/store/updates.py).
`ix_tickets_waiting` is the partial index the stale sweep reads (bot/policies/stale.py):
only live tickets waiting on us (new, open, on hold), by creation.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('proactive_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_key', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('locale', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('assignee_id', sa.BigInteger(), nullable=True),
    sa.Column('outbox_key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('due_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('decided_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('decided_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('decision_key')
    )
    op.create_index('ix_proactive_updates_status_due', 'proactive_updates', ['status', 'due_at'], unique=False)
    op.create_index('ix_proactive_updates_ticket', 'proactive_updates', ['ticket_id', 'created_at'], unique=False)
    op.create_index(
        'ix_tickets_waiting', 'tickets', ['created_at'], unique=False,
        postgresql_where=sa.text("status IN ('new', 'open', 'hold') AND NOT deleted"),
        sqlite_where=sa.text("status IN ('new', 'open', 'hold') AND deleted = 0"),
    )


def downgrade() -> None:
    op.drop_index('ix_tickets_waiting', table_name='tickets')
    op.drop_index('ix_proactive_updates_ticket', table_name='proactive_updates')
    op.drop_index('ix_proactive_updates_status_due', table_name='proactive_updates')
    op.drop_table('proactive_updates')
