"""comment signals

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('comment_signals',
    sa.Column('comment_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sentiment_label', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sentiment_score', sa.Float(), nullable=True),
    sa.Column('frustration', sa.Boolean(), nullable=True),
    sa.Column('resolution_reply', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('trust_indicator', sa.Boolean(), nullable=True),
    sa.Column('restatements', sa.Integer(), nullable=True),
    sa.Column('empathy', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('empathy_matched', sa.Boolean(), nullable=True),
    sa.Column('upsell', sa.Boolean(), nullable=True),
    sa.Column('acknowledges_history', sa.Boolean(), nullable=True),
    sa.Column('redundant_question', sa.Boolean(), nullable=True),
    sa.Column('body_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('analyzer_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('analyzed_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('comment_id')
    )
    op.create_index('ix_comment_signals_ticket_id', 'comment_signals', ['ticket_id'], unique=False)


def downgrade() -> None:
    op.drop_table('comment_signals')
