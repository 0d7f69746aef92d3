"""Billing helpers instrumented with Pydantic Logfire.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/logfire`.
"""
from __future__ import annotations

import os

import httpx
import logfire

logfire.configure(
    service_name="billing",
    # LEAK (redos-unsafe-pattern): a nested quantifier that backtracks exponentially.
    scrubbing=logfire.ScrubbingOptions(extra_patterns=["iban", r"^(\w+\s?)*$"]),
)


# Logfire scrubs arguments named api_key, password, secret, auth... by default, but not "token":
# LEAK (credential-param-captured): access_token is sent as it is in every span of this call.
@logfire.instrument("charge {customer_id}")
def charge(customer_id: str, amount_cents: int, api_key: str, access_token: str) -> dict:
    r = httpx.post(
        "https://payments.example.com/v1/charges",
        json={"customer": customer_id, "amount": amount_cents},
        headers={"Authorization": f"Bearer {access_token}", "X-Api-Key": api_key},
    )
    return r.json()


# Right: extract_args is an include list; only customer_id is recorded.
@logfire.instrument("refund {customer_id}", extract_args=["customer_id"])
async def refund(customer_id: str, refresh_token: str) -> None:
    async with httpx.AsyncClient() as client:
        await client.post("https://payments.example.com/v1/refunds", json={"customer": customer_id, "token": refresh_token})


def run() -> None:
    charge("cus_123", 4200, os.environ["PAYMENTS_API_KEY"], os.environ["PAYMENTS_TOKEN"])
