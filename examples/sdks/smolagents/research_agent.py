"""Research agent on smolagents.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/smolagents`.
"""
from __future__ import annotations

import os

import httpx
from smolagents import CodeAgent, InferenceClientModel, Tool, tool


# LEAK (credential-param-captured): the model is asked for the key, and every call's arguments are
# kept in the agent's memory, logged, and recorded by OpenInference's SmolagentsInstrumentor.
@tool
def search_papers(query: str, api_key: str) -> str:
    """Searches a paper index.

    Args:
        query: What to look for.
        api_key: The index's API key.
    """
    r = httpx.get("https://papers.example.com/search", params={"q": query}, headers={"X-Api-Key": api_key})
    return r.text


# Right: the key is given to the tool when it is made, and kept on self; the model fills `query` only.
class Fetch(Tool):
    name = "fetch"
    description = "Fetches a paper by its id."
    inputs = {"paper_id": {"type": "string", "description": "The paper's id."}}
    output_type = "string"

    def __init__(self, api_key: str):
        super().__init__()
        self.api_key = api_key

    def forward(self, paper_id: str) -> str:
        r = httpx.get(f"https://papers.example.com/papers/{paper_id}", headers={"X-Api-Key": self.api_key})
        return r.text


agent = CodeAgent(tools=[search_papers, Fetch(os.environ["PAPERS_API_KEY"])], model=InferenceClientModel())
