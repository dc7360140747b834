"""foundation: the Zendesk mirror and sync state

Revision ID: 0001
Revises: 
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tickets',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('custom_status_id', sa.BigInteger(), nullable=True),
    sa.Column('priority', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('type', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('via_channel', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('requester_id', sa.BigInteger(), nullable=True),
    sa.Column('submitter_id', sa.BigInteger(), nullable=True),
    sa.Column('assignee_id', sa.BigInteger(), nullable=True),
    sa.Column('group_id', sa.BigInteger(), nullable=True),
    sa.Column('organization_id', sa.BigInteger(), nullable=True),
    sa.Column('problem_id', sa.BigInteger(), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('custom_fields', sa.JSON(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_tickets_assignee_id', 'tickets', ['assignee_id'], unique=False)
    op.create_index('ix_tickets_created_at', 'tickets', ['created_at'], unique=False)
    op.create_index('ix_tickets_group_id', 'tickets', ['group_id'], unique=False)
    op.create_index('ix_tickets_requester_created', 'tickets', ['requester_id', 'created_at'], unique=False)
    op.create_index('ix_tickets_status', 'tickets', ['status'], unique=False)
    op.create_index('ix_tickets_updated_at', 'tickets', ['updated_at'], unique=False)
    op.create_table('comments',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=True),
    sa.Column('author_role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('html_body', sa.Text(), nullable=True),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_comments_author_id', 'comments', ['author_id'], unique=False)
    op.create_index('ix_comments_created_at', 'comments', ['created_at'], unique=False)
    op.create_index('ix_comments_ticket_created', 'comments', ['ticket_id', 'created_at'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('locale', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('time_zone', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('organization_id', sa.BigInteger(), nullable=True),
    sa.Column('default_group_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_users_email', 'users', ['email'], unique=False)
    op.create_index('ix_users_role', 'users', ['role'], unique=False)
    op.create_table('groups',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('organizations',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ticket_metrics',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('id', sa.BigInteger(), nullable=True),
    sa.Column('reopens', sa.Integer(), nullable=False),
    sa.Column('replies', sa.Integer(), nullable=False),
    sa.Column('assignee_stations', sa.Integer(), nullable=False),
    sa.Column('group_stations', sa.Integer(), nullable=False),
    sa.Column('reply_time_calendar', sa.Integer(), nullable=True),
    sa.Column('reply_time_business', sa.Integer(), nullable=True),
    sa.Column('first_resolution_time_calendar', sa.Integer(), nullable=True),
    sa.Column('first_resolution_time_business', sa.Integer(), nullable=True),
    sa.Column('full_resolution_time_calendar', sa.Integer(), nullable=True),
    sa.Column('full_resolution_time_business', sa.Integer(), nullable=True),
    sa.Column('agent_wait_time_calendar', sa.Integer(), nullable=True),
    sa.Column('requester_wait_time_calendar', sa.Integer(), nullable=True),
    sa.Column('on_hold_time_calendar', sa.Integer(), nullable=True),
    sa.Column('solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('assigned_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('initially_assigned_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('latest_comment_added_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('status_updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('ticket_id')
    )
    op.create_index('ix_ticket_metrics_solved_at', 'ticket_metrics', ['solved_at'], unique=False)
    op.create_table('satisfaction_ratings',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=True),
    sa.Column('requester_id', sa.BigInteger(), nullable=True),
    sa.Column('assignee_id', sa.BigInteger(), nullable=True),
    sa.Column('group_id', sa.BigInteger(), nullable=True),
    sa.Column('score', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_satisfaction_ratings_created_at', 'satisfaction_ratings', ['created_at'], unique=False)
    op.create_index('ix_satisfaction_ratings_ticket_id', 'satisfaction_ratings', ['ticket_id'], unique=False)
    op.create_table('sync_state',
    sa.Column('stream', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('cursor', sa.Text(), nullable=True),
    sa.Column('start_time', sa.BigInteger(), nullable=True),
    sa.Column('end_of_stream', sa.Boolean(), nullable=False),
    sa.Column('rows_synced', sa.BigInteger(), nullable=False),
    sa.Column('last_synced_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('stream')
    )


def downgrade() -> None:
    op.drop_table('sync_state')
    op.drop_table('satisfaction_ratings')
    op.drop_table('ticket_metrics')
    op.drop_table('organizations')
    op.drop_table('groups')
    op.drop_table('users')
    op.drop_table('comments')
    op.drop_table('tickets')
