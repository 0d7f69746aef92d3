"""Retrieval agent traced with Arize Phoenix / OpenInference.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/openinference`.
"""
from __future__ import annotations

import os

import psycopg
from openinference.instrumentation import TraceConfig
from phoenix.otel import register

# LEAK (redaction-disabled): inputs recorded even where OPENINFERENCE_HIDE_INPUTS=true is set.
tracer_provider = register(project_name="retrieval", config=TraceConfig(hide_inputs=False))
tracer = tracer_provider.get_tracer(__name__)


# LEAK (credential-param-captured): @tracer.tool binds every argument into input.value.
@tracer.tool(name="fetch_documents", description="Full-text search over the knowledge base")
def fetch_documents(query: str, db_password: str) -> list[str]:
    with psycopg.connect(host="db.internal", user="kb", password=db_password) as conn:
        rows = conn.execute("SELECT body FROM docs WHERE body @@ plainto_tsquery(%s) LIMIT 5", (query,))
        return [r[0] for r in rows]


@tracer.chain
def answer(question: str) -> str:
    return "\n\n".join(fetch_documents(question, os.environ["KB_DB_PASSWORD"]))
