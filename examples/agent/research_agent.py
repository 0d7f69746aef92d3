"""Research agent: searches the web, looks up the customer, summarises what it found.

Instrumented with TraceCraft. Part of tracelint's example workspace: the tracing mistakes
below are on purpose (each is marked LEAK with the rule that finds it). The matching traces
are in ../traces/tracecraft.jsonl.
"""
from __future__ import annotations

import os

import httpx
import tracecraft
from tracecraft import RedactionConfig, RedactionRule
from tracecraft import trace_llm as llm_step

from .db import connect
from .llm import complete

REDACTION = RedactionConfig(
    mode="mask",
    custom_patterns=[
        RedactionRule(name="ticket_id", pattern=r"TCK-\d{6}"),
        # LEAK (redos-unsafe-pattern): a nested quantifier that backtracks exponentially.
        RedactionRule(name="free_text_tag", pattern=r"^(\w+\s?)*$"),
    ],
    allowlist_patterns=[r"[a-z.]+@example\.(com|org)"],
)


# LEAK (credential-param-captured): api_key is recorded in every web_search step.
@tracecraft.trace_tool(name="web_search")
def web_search(query: str, api_key: str) -> list[dict]:
    response = httpx.get(
        "https://search.example.com/v1/search",
        params={"q": query, "limit": 5},
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()["results"]


# LEAK (exclude-inputs-unknown-param): "db_pasword" is a typo, so db_password is recorded.
@tracecraft.trace_tool(name="lookup_customer", exclude_inputs=["db_pasword"])
def lookup_customer(customer_email: str, db_password: str) -> dict:
    with connect(user="support", password=db_password) as db:
        return db.fetch_one("SELECT * FROM customers WHERE email = %s", customer_email)


@llm_step(name="summarize", model="gpt-4o")
def summarize(text: str) -> str:
    return complete(model="gpt-4o", prompt=f"Summarise for a support engineer:\n{text}")


# LEAK (kwargs-credential-captured): the key arrives through **kwargs, which TraceCraft records
# under "kwargs" where exclude_inputs cannot reach.
@tracecraft.trace_agent(name="research_agent")
async def run_research(question: str, **kwargs) -> str:
    results = web_search(question, api_key=kwargs["openai_api_key"])
    customer = lookup_customer(kwargs.get("customer_email", ""), os.environ["DB_PASSWORD"])
    notes = "\n".join(r["snippet"] for r in results)
    return summarize(f"{customer.get('name', 'unknown')}: {notes}")


async def main() -> None:
    answer = await run_research(
        "Why was invoice TCK-004211 charged twice?",
        openai_api_key=os.environ["OPENAI_API_KEY"],
        customer_email="dana@example.com",
    )
    print(answer)
