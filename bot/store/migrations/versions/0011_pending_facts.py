"""pending facts: tickets whose stored facts a sync marked stale, refreshed once at its end

Revision ID: 0011
Revises: 0010

A full sync writes each ticket in several passes; refreshing its solve and reply facts at
every pass read and rewrote them about ten times and made the sync several times slower.
The sync now marks the tickets it writes (`pending_facts`, in the same transactions) and
refreshes each once at its end; the digest refreshes whatever is still marked first.
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pending_facts',
    sa.Column('ticket_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('related', sa.Boolean(), nullable=False),
    sa.Column('mark', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('ticket_id')
    )


def downgrade() -> None:
    op.drop_table('pending_facts')
