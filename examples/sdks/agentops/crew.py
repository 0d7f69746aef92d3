"""A two-step crew tracked with AgentOps.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/agentops`.
"""
from __future__ import annotations

import os

import agentops
import httpx
from agentops.sdk.decorators import agent, operation

agentops.init(os.environ["AGENTOPS_API_KEY"])


@agent(name="researcher")
class Researcher:
    # LEAK (credential-param-captured): AgentOps records {"args": [...], "kwargs": {...}} for every
    # decorated call, and has no option to leave one out.
    @operation
    def search(self, topic: str, github_token: str) -> list[str]:
        r = httpx.get("https://api.github.com/search/repositories", params={"q": topic}, headers={"Authorization": f"token {github_token}"})
        return [item["full_name"] for item in r.json()["items"]]


@agentops.trace(name="research")
def research(topic: str) -> list[str]:
    return Researcher().search(topic, os.environ["GITHUB_TOKEN"])
