/**
 * The time rules every token check shares, beyond jose's own `exp`/`nbf` checks: a token
 * must say when it was issued, may not be issued in the future (beyond a small clock skew),
 * and may not live longer than the verifier allows. A token valid until the year 33,000 or
 * issued tomorrow is a forged or broken one, whatever its signature.
 */
export interface TokenTimePolicy {
  /** Longest accepted `exp - iat`, in seconds. */
  maxLifetimeSeconds: number;
  /** Clock difference tolerated between issuer and verifier, in seconds. */
  clockSkewSeconds: number;
}

export type TokenTimeFault = 'iat-missing' | 'exp-missing' | 'iat-in-future' | 'lifetime-too-long' | 'expired';

/** The first fault of the token's times, or undefined when they are acceptable. */
export function tokenTimeFault(
  claims: { iat?: unknown; exp?: unknown },
  policy: TokenTimePolicy,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): TokenTimeFault | undefined {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'iat-missing';
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'exp-missing';
  if (iat > nowSeconds + policy.clockSkewSeconds) return 'iat-in-future';
  if (exp - iat > policy.maxLifetimeSeconds) return 'lifetime-too-long';
  if (exp <= nowSeconds - policy.clockSkewSeconds) return 'expired';
  return undefined;
}
