export interface RetryPolicy {
  /** Total tries, the first included (default 5). */
  attempts: number;
  /** Delay before the second try (default 200 ms); doubles (×factor) up to maxDelayMs. */
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  initialDelayMs: 200,
  factor: 2,
  maxDelayMs: 10_000,
};

/** Delay before try number `attempt + 1` (attempt is 1-based), with ±20 % jitter. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
