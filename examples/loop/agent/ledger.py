"""Ledger reconciliation, traced with AgentDbg: data enters the trace through record_tool_call."""
from agentdbg import record_llm_call, record_tool_call, trace

from .ledger_api import fetch


@trace
def reconcile(invoice_id: str, session_token: str) -> str:
    rows = fetch(invoice_id, token=session_token)
    record_tool_call(
        name="fetch_ledger",
        args={"invoice_id": invoice_id, "session_token": session_token, "auth_header": f"Bearer {session_token}"},
        result={"rows": len(rows)},
    )
    record_llm_call(model="gpt-4o-mini", prompt=f"Summarise ledger rows for {invoice_id}", response="ok")
    return "ok"
