"""metric indexes: a ticket's public customer and agent comments in order

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Partial indexes: the metrics look up a ticket's first or last public customer message,
# or the public agent reply before or after one, never an internal note.
WHERE = {
    'customer': ("author_role = 'customer' AND public", "author_role = 'customer' AND public = 1"),
    'agent': ("author_role = 'agent' AND public", "author_role = 'agent' AND public = 1"),
}


def upgrade() -> None:
    for role, (postgresql, sqlite) in WHERE.items():
        op.create_index(
            f'ix_comments_{role}_ticket',
            'comments',
            ['ticket_id', 'created_at', 'id'],
            unique=False,
            postgresql_where=sa.text(postgresql),
            sqlite_where=sa.text(sqlite),
        )


def downgrade() -> None:
    for role in WHERE:
        op.drop_index(f'ix_comments_{role}_ticket', table_name='comments')
