import { isLocalMode } from './local-mode';

describe('local mode', () => {
  it('is on only with an explicit BPM_LOCAL_MODE=true', () => {
    expect(isLocalMode({ BPM_LOCAL_MODE: 'true' })).toBe(true);
    expect(isLocalMode({})).toBe(false);
    expect(isLocalMode({ NODE_ENV: 'development' })).toBe(false);
    expect(isLocalMode({ BPM_LOCAL_MODE: '1' })).toBe(false);
    expect(isLocalMode({ BPM_LOCAL_MODE: 'TRUE ' })).toBe(false);
  });

  it('is refused in production even when asked for', () => {
    expect(() => isLocalMode({ BPM_LOCAL_MODE: 'true', NODE_ENV: 'production' })).toThrow(/NODE_ENV=production/);
  });
});
