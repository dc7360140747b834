"""A local Zendesk for tests, demos and benchmarks: `ZendeskSandbox` serves an `Org` on
127.0.0.1 in Zendesk's wire format; `generate_org` makes a realistic one; `load_fixture`
reads one from a JSON file. docs/sandbox.md is the guide.
"""

from integrations.zendesk.sandbox.generator import generate_org
from integrations.zendesk.sandbox.org import Org, OrgFormatError, load_fixture
from integrations.zendesk.sandbox.server import FAULT_KINDS, SandboxStats, ZendeskSandbox

__all__ = [
    "FAULT_KINDS",
    "Org",
    "OrgFormatError",
    "SandboxStats",
    "ZendeskSandbox",
    "generate_org",
    "load_fixture",
]
