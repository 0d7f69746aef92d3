"""Research workflow traced with OpenLLMetry (Traceloop).

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/traceloop`.
"""
from __future__ import annotations

import os

import httpx
from traceloop.sdk import Traceloop
from traceloop.sdk.decorators import task, workflow

Traceloop.init(app_name="research")


# LEAK (credential-param-captured): Traceloop records {"args": [...], "kwargs": {...}}, the key
# among them; its Python decorators have no option to leave one argument out.
@task(name="web_search")
def web_search(query: str, serpapi_api_key: str) -> list[dict]:
    r = httpx.get("https://serpapi.com/search", params={"q": query, "api_key": serpapi_api_key})
    return r.json().get("organic_results", [])


@workflow(name="research")
def research(question: str) -> str:
    results = web_search(question, os.environ["SERPAPI_KEY"])
    return "\n".join(r["title"] for r in results)
