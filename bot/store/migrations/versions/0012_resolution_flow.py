"""resolution flow: each ticket's Confirmed-vs-Closed state, its transitions, the flow's row

Revision ID: 0012
Revises: 0011

`resolution_states` (one row per ticket the flow has seen solved), `resolution_events` (every
transition, never updated) and `resolution_flow` (when the flow was switched on, and the
custom status `alignbot zendesk setup` made). See bot/store/resolution.py.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resolution_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('request_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('from_state', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=True),
    sa.Column('to_state', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('cause', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.Column('at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('recorded_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('comment_id', sa.BigInteger(), nullable=True),
    sa.Column('link_choice', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_resolution_events_at', 'resolution_events', ['at'], unique=False)
    op.create_index('ix_resolution_events_ticket_id', 'resolution_events', ['ticket_id', 'id'], unique=False)
    op.create_table('resolution_flow',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('enabled_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('custom_status_id', sa.BigInteger(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('resolution_states',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('state_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('request_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('requested_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('reminders', sa.Integer(), nullable=False),
    sa.Column('last_reminder_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('seen_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('seen_ids', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('ticket_id')
    )
    op.create_index('ix_resolution_states_state', 'resolution_states', ['state'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_resolution_states_state', table_name='resolution_states')
    op.drop_table('resolution_states')
    op.drop_table('resolution_flow')
    op.drop_index('ix_resolution_events_ticket_id', table_name='resolution_events')
    op.drop_index('ix_resolution_events_at', table_name='resolution_events')
    op.drop_table('resolution_events')
