"""nudges: agent links, preferences, decisions, snoozes, assignments

Revision ID: 0014
Revises: 0013

`agent_links`, `nudge_preferences`, `nudges`, `nudge_snoozes` and `nudge_assignments`: who each
agent is in Slack, their override and opt-out, every nudge decided, snoozes, and the assignee
each ticket had when the nudges last looked. See bot/store/nudges.py.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agent_links',
    sa.Column('zendesk_user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('slack_user_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('tz', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('checked_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('failed_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('zendesk_user_id')
    )
    op.create_table('nudge_assignments',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('assignee_id', sa.BigInteger(), nullable=True),
    sa.Column('seen_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('ticket_id')
    )
    op.create_table('nudge_preferences',
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('slack_user', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('opted_out', sa.Boolean(), nullable=False),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('email')
    )
    op.create_table('nudge_snoozes',
    sa.Column('slack_user_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('until', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('slack_user_id', 'ticket_id')
    )
    op.create_table('nudges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('agent_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('due_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('sent_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('outbox_key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_index('ix_nudges_agent_id', 'nudges', ['agent_id', 'status'], unique=False)
    op.create_index('ix_nudges_status_due_at', 'nudges', ['status', 'due_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_nudges_status_due_at', table_name='nudges')
    op.drop_index('ix_nudges_agent_id', table_name='nudges')
    op.drop_table('nudges')
    op.drop_table('nudge_snoozes')
    op.drop_table('nudge_preferences')
    op.drop_table('nudge_assignments')
    op.drop_table('agent_links')
