"""Billing agent on Pydantic AI, instrumented with Logfire.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/pydantic-ai`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import httpx
from pydantic_ai import Agent, RunContext
from pydantic_ai.models.instrumented import InstrumentationSettings


@dataclass
class Deps:
    billing_token: str


# LEAK (redaction-disabled): include_content=True (the default, written out) puts every tool call's
# arguments and every prompt and completion in the agent's spans.
agent = Agent(
    "openai:gpt-4o",
    deps_type=Deps,
    instrument=InstrumentationSettings(include_content=True),
    instructions="Answer billing questions.",
)


# LEAK (credential-param-captured): the model is asked for the API key, and the instrumented agent
# writes the tool call's arguments to its span.
@agent.tool_plain
async def fetch_invoice(invoice_id: str, api_key: str) -> str:
    """Fetch an invoice from the billing API."""
    async with httpx.AsyncClient() as client:
        r = await client.get(f"https://billing.example.com/invoices/{invoice_id}", headers={"X-Api-Key": api_key})
        return r.text


# Right: the credential comes from the deps, which the model never sees and no span records.
@agent.tool(name="refund")
async def refund(ctx: RunContext[Deps], invoice_id: str, amount: float) -> str:
    """Refund an invoice."""
    async with httpx.AsyncClient() as client:
        r = await client.post(
            f"https://billing.example.com/invoices/{invoice_id}/refund",
            json={"amount": amount},
            headers={"Authorization": f"Bearer {ctx.deps.billing_token}"},
        )
        return r.text


async def answer(question: str) -> str:
    result = await agent.run(question, deps=Deps(os.environ["BILLING_TOKEN"]))
    return result.output
