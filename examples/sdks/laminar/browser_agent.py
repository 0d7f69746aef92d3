"""Browser agent traced with Laminar.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/laminar`.
"""
from __future__ import annotations

import os

import httpx
from lmnr import Laminar, observe

Laminar.initialize(project_api_key=os.environ["LMNR_PROJECT_API_KEY"])


# LEAK (credential-param-captured): ignore_inputs hides the session id, not the password.
@observe(name="login", ignore_inputs=["session_id"])
async def login(username: str, password: str, session_id: str) -> bool:
    async with httpx.AsyncClient() as client:
        r = await client.post("https://app.example.com/login", data={"user": username, "password": password, "sid": session_id})
        return r.status_code == 200


# Right: input_formatter decides what is recorded.
@observe(input_formatter=lambda url, cookie: url)
def fetch_page(url: str, cookie: str) -> str:
    return httpx.get(url, headers={"Cookie": cookie}).text
