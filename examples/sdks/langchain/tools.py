"""LangGraph agent tools, traced through LangSmith.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/langchain`.
"""
from __future__ import annotations

import os
from typing import Annotated

import httpx
from langchain_core.tools import InjectedToolArg, tool
from langgraph.prebuilt import create_react_agent
from langsmith import Client

# LEAK (redaction-disabled): inputs recorded even where LANGSMITH_HIDE_INPUTS=true is set.
langsmith_client = Client(hide_inputs=False)


# LEAK (credential-param-captured): the model must be handed the key to call the tool, and
# LangSmith records the tool's inputs.
@tool
def weather(city: str, openweather_api_key: str) -> str:
    """Current weather for a city."""
    r = httpx.get("https://api.openweathermap.org/data/2.5/weather", params={"q": city, "appid": openweather_api_key})
    return r.text


# Right: an InjectedToolArg is neither shown to the model nor recorded.
@tool("stock_price", parse_docstring=False)
def stock_price(symbol: str, api_key: Annotated[str, InjectedToolArg]) -> str:
    """Latest price for a ticker symbol."""
    return httpx.get(f"https://finance.example.com/quote/{symbol}", headers={"X-Api-Key": api_key}).text


agent = create_react_agent("openai:gpt-4o-mini", tools=[weather, stock_price])
KEY = os.environ.get("FINANCE_API_KEY", "")
