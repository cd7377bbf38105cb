"""Ingest: read every form users have articles in. (stub: being built)"""
