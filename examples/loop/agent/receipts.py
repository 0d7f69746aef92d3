"""Receipts sent by the billing agent over SMTP (one of two `send_receipt` tools)."""
import tracecraft

from .smtp import deliver


@tracecraft.trace_tool(name="send_receipt")
def send_receipt(to: str, smtp_password: str) -> bool:
    return deliver(to, password=smtp_password)
