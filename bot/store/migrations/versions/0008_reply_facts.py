"""reply facts: what the digest needs about each public agent reply

Revision ID: 0008
Revises: 0007

Understanding, empathy and upsell-during-frustration read each agent reply of a period
with the customer messages around it and the requester's other tickets; `reply_facts`
keeps those facts per reply (see bot/store/replies.py), refreshed with the solve facts.
Existing stores get them here.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reply_facts',
    sa.Column('comment_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.BigInteger(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=True),
    sa.Column('first', sa.Boolean(), nullable=False),
    sa.Column('history', sa.Boolean(), nullable=False),
    sa.Column('mood', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('weighty', sa.Integer(), nullable=False),
    sa.Column('empathy', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('upsell', sa.Boolean(), nullable=False),
    sa.Column('acknowledges', sa.Boolean(), nullable=False),
    sa.Column('redundant', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('comment_id')
    )
    op.create_index('ix_reply_facts_created_at', 'reply_facts', ['created_at'], unique=False)
    op.create_index('ix_reply_facts_ticket_id', 'reply_facts', ['ticket_id'], unique=False)
    # Every reply already in the store (the solve facts are rewritten beside them).
    from bot.store.solves import refresh_all

    refresh_all(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_reply_facts_ticket_id', table_name='reply_facts')
    op.drop_index('ix_reply_facts_created_at', table_name='reply_facts')
    op.drop_table('reply_facts')
