"""scheduler: job runs and job leases

Revision ID: 0015
Revises: 0014

`job_runs` (every run of a scheduled job, what `alignbot jobs` lists and what the replicas
decide what is due from) and `job_leases` (which replica runs each job, until when). See
bot/store/jobs.py.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.store.types


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('job_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('started_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.Column('finished_at', bot.store.types.UTCDateTime(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('worker', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_job_runs_job_started', 'job_runs', ['job', 'started_at'], unique=False)
    op.create_table('job_leases',
    sa.Column('job', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('expires_at', bot.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('job')
    )


def downgrade() -> None:
    op.drop_table('job_leases')
    op.drop_index('ix_job_runs_job_started', table_name='job_runs')
    op.drop_table('job_runs')
