import { tokenTimeFault } from './token-times';

const policy = { maxLifetimeSeconds: 12 * 3600, clockSkewSeconds: 5 };
const now = 1_800_000_000;

describe('token times', () => {
  it('accepts a token issued now for up to the maximum lifetime', () => {
    expect(tokenTimeFault({ iat: now, exp: now + 12 * 3600 }, policy, now)).toBeUndefined();
    expect(tokenTimeFault({ iat: now - 60, exp: now + 60 }, policy, now)).toBeUndefined();
  });

  it('refuses a lifetime one second past the cap (an expiry in the year 33,000 too)', () => {
    expect(tokenTimeFault({ iat: now, exp: now + 12 * 3600 + 1 }, policy, now)).toBe('lifetime-too-long');
    expect(tokenTimeFault({ iat: now, exp: 1_000_000_000_000 }, policy, now)).toBe('lifetime-too-long');
  });

  it('refuses iat in the future beyond the skew, tolerates it within', () => {
    expect(tokenTimeFault({ iat: now + 5, exp: now + 65 }, policy, now)).toBeUndefined();
    expect(tokenTimeFault({ iat: now + 6, exp: now + 66 }, policy, now)).toBe('iat-in-future');
    expect(tokenTimeFault({ iat: now + 86_400, exp: now + 90_000 }, policy, now)).toBe('iat-in-future');
  });

  it('needs both iat and exp as numbers', () => {
    expect(tokenTimeFault({ exp: now + 60 }, policy, now)).toBe('iat-missing');
    expect(tokenTimeFault({ iat: now }, policy, now)).toBe('exp-missing');
    expect(tokenTimeFault({ iat: String(now), exp: now + 60 }, policy, now)).toBe('iat-missing');
  });

  it('refuses an expired token past the skew', () => {
    expect(tokenTimeFault({ iat: now - 120, exp: now - 6 }, policy, now)).toBe('expired');
    expect(tokenTimeFault({ iat: now - 120, exp: now - 4 }, policy, now)).toBeUndefined();
  });
});
