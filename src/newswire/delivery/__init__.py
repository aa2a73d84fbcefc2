"""Delivery: how events leave the store (bus, feed, stream, webhooks)."""
