"""Maintainer scripts (translations); not shipped with Cove."""
