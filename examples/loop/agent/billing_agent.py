"""Billing agent: charges cards, sends receipts, issues refunds.

Part of tracelint's "close the loop" example (examples/loop/): its traces are in ../traces/ and
../agentdbg/runs/, its redaction settings here (RedactionConfig, a RedactionProcessor), in ../.env
and ../.agentdbg/config.yaml. `tracelint scan examples/loop --against-config` shows which secrets
in the traces this configuration would still let through, and links each to the code that
recorded it.
"""
import tracecraft
from tracecraft import RedactionConfig, RedactionProcessor, RedactionRule

from .payments import stripe_charge

REDACTION = RedactionConfig(
    enabled=True,
    mode="mask",
    # Never applied: TraceCraft's runtime does not pass custom_patterns to its processor.
    custom_patterns=[RedactionRule(name="ticket_id", pattern=r"TCK-\d{6}")],
    allowlist_patterns=[r"[a-z.]+@example\.com"],
)

# Built by hand and registered with the exporter: its rules do apply (and only they:
# include_defaults=False leaves the 17 default rules to the runtime's processor).
CARD_HOLDER_REDACTION = RedactionProcessor(
    rules=[RedactionRule(name="card_holder", field_paths=["card_holder"])],
    include_defaults=False,
)


@tracecraft.trace_tool(name="charge_card")
def charge_card(amount: int, card_holder: str, stripe_key: str) -> dict:
    return stripe_charge(amount, card_holder, api_key=stripe_key)


@tracecraft.trace_agent(name="billing_agent")
def run_billing(order_id: str, **kwargs) -> str:
    charge = charge_card(4200, kwargs["card_holder"], kwargs["stripe_key"])
    return charge["id"]
