"""Cove's tests, laid out like the code (core/, engine/, ui/, cli/, packaging/, benchmarks/).

A package so that tests import their helpers by name (`from tests.support.fake_hub import FakeHub`)
instead of putting folders on sys.path.
"""
