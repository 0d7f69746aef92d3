"""The newer mail path: also traced as `send_receipt`, so a trace cannot tell the two apart."""
import tracecraft

from .mail_api import post


@tracecraft.trace_tool(name="send_receipt")
def send_receipt(to: str, body: str) -> bool:
    return post("/receipts", {"to": to, "body": body})
