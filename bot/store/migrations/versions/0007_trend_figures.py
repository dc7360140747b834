"""trend figures: a final day's trend figures, stored once and read back

Revision ID: 0007
Revises: 0006

The digest's 14-day trend computed all its days at every run, most of the digest's time on
a large store, and a past day's figure could move when later data arrived. `trend_figures`
keeps each final day's overall figures the first time a digest computes them (see
bot/store/trend.py); an existing store starts empty and fills as digests run.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('trend_figures',
    sa.Column('basis', sa.String(length=120), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('numerator', sa.Float(), nullable=False),
    sa.Column('denominator', sa.Float(), nullable=False),
    sa.Column('median', sa.Float(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('stored_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('basis', 'timezone', 'day', 'key')
    )


def downgrade() -> None:
    op.drop_table('trend_figures')
