"""Support agent on the OpenAI Agents SDK.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/openai-agents`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import httpx
from agents import Agent, RunConfig, RunContextWrapper, Runner, function_tool


@dataclass
class Secrets:
    crm_token: str


# LEAK (credential-param-captured): the model is asked for the CRM key, and the SDK records the
# tool call's arguments on the function span (sensitive data is included by default).
@function_tool
async def lookup_order(order_id: str, crm_api_key: str) -> str:
    """Look an order up in the CRM."""
    async with httpx.AsyncClient() as client:
        r = await client.get(f"https://crm.example.com/orders/{order_id}", headers={"X-Api-Key": crm_api_key})
        return r.text


# Right: the credential comes from the run context, which is neither shown to the model nor recorded.
@function_tool(name_override="refund")
async def refund(ctx: RunContextWrapper[Secrets], order_id: str, amount: float) -> str:
    """Refund an order."""
    async with httpx.AsyncClient() as client:
        r = await client.post(
            f"https://crm.example.com/orders/{order_id}/refund",
            json={"amount": amount},
            headers={"Authorization": f"Bearer {ctx.context.crm_token}"},
        )
        return r.text


agent = Agent(name="Support", instructions="Help customers with their orders.", tools=[lookup_order, refund])

# LEAK (redaction-disabled): forces tool arguments and model inputs into every trace, even where
# OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA=false is set for production.
RUN_CONFIG = RunConfig(workflow_name="support", trace_include_sensitive_data=True)


async def answer(question: str) -> str:
    result = await Runner.run(agent, question, context=Secrets(os.environ["CRM_TOKEN"]), run_config=RUN_CONFIG)
    return result.final_output
