"""Ticket classifier traced with Braintrust.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/braintrust`.
"""
from __future__ import annotations

import os

import braintrust
from braintrust import traced, wrap_openai
from openai import OpenAI

logger = braintrust.init_logger(project="support-triage")
client = wrap_openai(OpenAI())


# LEAK (credential-param-captured): @traced logs the bound arguments as the span's input.
@traced(type="tool")
def fetch_ticket(ticket_id: str, zendesk_token: str) -> dict:
    import httpx

    r = httpx.get(f"https://acme.zendesk.com/api/v2/tickets/{ticket_id}", headers={"Authorization": f"Bearer {zendesk_token}"})
    return r.json()["ticket"]


@traced
def classify(ticket_id: str) -> str:
    ticket = fetch_ticket(ticket_id, os.environ["ZENDESK_TOKEN"])
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Classify this ticket: {ticket['subject']}"}],
    )
    return reply.choices[0].message.content or "unknown"
