"""A small RAG agent traced with MLflow.

Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/mlflow`.
"""
from __future__ import annotations

import os

import mlflow
import requests

mlflow.set_experiment("rag-agent")


class VectorStore:
    # LEAK (credential-param-captured): @mlflow.trace records every parameter (self aside).
    @mlflow.trace(span_type="RETRIEVER")
    def search(self, query: str, pinecone_api_key: str) -> list[dict]:
        r = requests.post(
            "https://index.svc.pinecone.io/query",
            json={"topK": 5, "vector": embed(query)},
            headers={"Api-Key": pinecone_api_key},
            timeout=10,
        )
        return r.json()["matches"]


@mlflow.trace
def embed(text: str) -> list[float]:
    return [float(ord(c)) for c in text[:8]]


def answer(question: str) -> list[dict]:
    return VectorStore().search(question, os.environ["PINECONE_API_KEY"])
