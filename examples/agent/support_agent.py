"""Support agent: answers tickets, fetches invoices, resets passwords.

Instrumented with three SDKs at once (AgentDbg, Langfuse, LangSmith), as teams migrating between
them often are. Part of tracelint's example workspace: the mistakes marked LEAK are on purpose.
"""
import functools
import time

import agentdbg
from agentdbg import record_llm_call, record_tool_call
from langfuse import observe
from langsmith import traceable

from .billing import get_invoice
from .identity import set_password
from .llm import complete

# LEAK (hardcoded-credential): a key in source ends up in the repository and in traces.
FALLBACK_OPENAI_KEY = "sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEfGh3JkLmNoPqRsTuV"


def trace(fn):
    """A local timing decorator: unrelated to any tracing SDK, so tracelint leaves it alone."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"{fn.__name__} took {time.perf_counter() - started:.3f}s")
    return wrapper


@agentdbg.trace(name="support_agent")
def handle_ticket(ticket_id: str, api_key: str) -> str:
    # AgentDbg's @trace records no arguments; what record_* calls are given is recorded.
    invoice = get_invoice(ticket_id, api_key=api_key)
    # AgentDbg redacts keys containing api_key, token, password, ... ("api_key" is safe here), but
    # LEAK (credential-param-captured): "x-api-key" does not contain "api_key", so it is recorded as is.
    record_tool_call("fetch_invoice", args={"invoice_id": invoice.id, "x-api-key": api_key}, result=invoice.summary)
    reply = complete(model="gpt-4o-mini", prompt=f"Draft a reply about invoice {invoice.id}")
    record_llm_call(model="gpt-4o-mini", prompt="Draft a reply", response=reply, usage={"total_tokens": 412})
    return reply


# LEAK (credential-param-captured): Langfuse records the new password as an input.
@observe(name="reset_password")
def reset_password(user_id: str, password: str) -> bool:
    return set_password(user_id, password)


class BillingAssistant:
    def __init__(self, client):
        self.client = client

    # LEAK (credential-param-captured): LangSmith records the token with the question.
    @traceable(run_type="chain", name="billing_question")
    async def ask(self, question: str, token: str) -> str:
        return await self.client.answer(question, auth=token)


@trace
def rotate_credentials(user_id: str, password: str) -> None:
    set_password(user_id, password)
