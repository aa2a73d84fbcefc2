"""Operations: Prometheus metrics, structured logs with request ids, readiness."""
