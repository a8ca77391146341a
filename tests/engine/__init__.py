"""Tests of app/engine: the llama.cpp process, prompts, context fitting, tiny and real models."""
