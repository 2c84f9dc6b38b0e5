-- Leases are renewed and released by worker (see src/memory/lease.rs); expires_at is in Unix
-- milliseconds of the server's clock, so machines with skewed clocks agree on it.
CREATE INDEX lease_worker ON lease (worker);
