"""solve facts: what the digest needs about each solve, kept beside the history

Revision ID: 0006
Revises: 0005

The digest's solved-ticket figures read each solve's customer messages and the requester's
other tickets; reading them for every solve of the 14 trend days at digest time was most of
its time. `solve_facts` keeps, per solve, the facts that do not depend on the reported
period (see bot/store/solves.py), refreshed in the same transaction as every write they
depend on. Existing stores get them here, from the tickets, runs, comments and signals.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('solve_facts',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('solved_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('prev_solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('next_solved_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('reopened_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('parallel_with', sa.BigInteger(), nullable=True),
    sa.Column('returned_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('returned_by', sa.BigInteger(), nullable=True),
    sa.Column('mixed_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('first_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('first_sentiment', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('before_sentiment', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('before_trust', sa.Boolean(), nullable=True),
    sa.Column('before_reply', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after_first_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('after_first_reply', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after_last_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('after_last_sentiment', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after_last_trust', sa.Boolean(), nullable=True),
    sa.PrimaryKeyConstraint('ticket_id', 'seq')
    )
    op.create_index('ix_solve_facts_solved_at', 'solve_facts', ['solved_at'], unique=False)
    op.create_index('ix_solve_facts_parallel_with', 'solve_facts', ['parallel_with'], unique=False)
    op.create_index('ix_solve_facts_returned_by', 'solve_facts', ['returned_by'], unique=False)
    # Every solve already in the store, with the code that keeps them from now on.
    from bot.store.solves import refresh_all

    refresh_all(op.get_bind(), replies=False)  # reply_facts come with 0008


def downgrade() -> None:
    op.drop_index('ix_solve_facts_returned_by', table_name='solve_facts')
    op.drop_index('ix_solve_facts_parallel_with', table_name='solve_facts')
    op.drop_index('ix_solve_facts_solved_at', table_name='solve_facts')
    op.drop_table('solve_facts')
