"""resolution answers: the customer's answer by link, and the single use of its links

Revision ID: 0009
Revises: 0008

A confirmation request's three signed links (bot/resolution/links.py) are spent together
once one of them answers it: `resolution_link_uses` keys that on the request, written in
the same transaction as the answer in `resolution_answers` (bot/store/resolution.py).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resolution_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('request_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('choice', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('rating', sa.SmallInteger(), nullable=True),
    sa.Column('via', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('locale', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('answered_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.CheckConstraint('rating BETWEEN 1 AND 5', name='ck_resolution_answers_rating'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_resolution_answers_answered_at', 'resolution_answers', ['answered_at'], unique=False)
    op.create_index('ix_resolution_answers_request_id', 'resolution_answers', ['request_id'], unique=False)
    op.create_index('ix_resolution_answers_ticket_id', 'resolution_answers', ['ticket_id'], unique=False)
    op.create_table('resolution_link_uses',
    sa.Column('request_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('choice', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('used_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('request_id')
    )
    op.create_index('ix_resolution_link_uses_ticket_id', 'resolution_link_uses', ['ticket_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_resolution_link_uses_ticket_id', table_name='resolution_link_uses')
    op.drop_table('resolution_link_uses')
    op.drop_index('ix_resolution_answers_ticket_id', table_name='resolution_answers')
    op.drop_index('ix_resolution_answers_request_id', table_name='resolution_answers')
    op.drop_index('ix_resolution_answers_answered_at', table_name='resolution_answers')
    op.drop_table('resolution_answers')
