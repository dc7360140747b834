"""ticket history: status changes from the event export, and the runs derived from them

Revision ID: 0005
Revises: 0004

A past period's figures must come from each ticket's history as it stood then, so the
store keeps every status change (`ticket_status_changes`) and the runs folded from them
(`ticket_runs`, see bot/store/history.py). Existing tickets get one run from their current
state at once (so the digest keeps working), and the `ticket_events` stream starts over on
the next sync to collect the status changes it skipped before (comments it re-reads are
upserted unchanged); each ticket's runs are rebuilt from its history as it arrives.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ticket_status_changes',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('audit_id', sa.BigInteger(), nullable=True),
    sa.Column('at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('previous_status', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_ticket_status_changes_ticket_at', 'ticket_status_changes', ['ticket_id', 'at', 'id'], unique=False)
    op.create_table('ticket_runs',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('opened_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('reopened_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('prev_solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('next_solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('solver_id', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('ticket_id', 'seq')
    )
    op.create_index('ix_ticket_runs_solved_at', 'ticket_runs', ['solved_at'], unique=False)
    op.create_index('ix_ticket_runs_opened_at', 'ticket_runs', ['opened_at'], unique=False)
    op.create_index(
        'ix_ticket_runs_unsolved', 'ticket_runs', ['ticket_id'], unique=False,
        postgresql_where=sa.text('solved_at IS NULL'), sqlite_where=sa.text('solved_at IS NULL'),
    )
    # One run per existing ticket from its current state (bot.store.history.fallback_run).
    op.execute(
        "INSERT INTO ticket_runs (ticket_id, seq, opened_at, solved_at) "
        "SELECT t.id, 1, t.created_at, "
        "CASE WHEN t.status IN ('solved', 'closed') THEN COALESCE(m.solved_at, t.created_at) END "
        "FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id"
    )
    op.execute("DELETE FROM sync_state WHERE stream = 'ticket_events'")


def downgrade() -> None:
    op.drop_index('ix_ticket_runs_unsolved', table_name='ticket_runs')
    op.drop_index('ix_ticket_runs_opened_at', table_name='ticket_runs')
    op.drop_index('ix_ticket_runs_solved_at', table_name='ticket_runs')
    op.drop_table('ticket_runs')
    op.drop_index('ix_ticket_status_changes_ticket_at', table_name='ticket_status_changes')
    op.drop_table('ticket_status_changes')
