/**
 * Local mode: the well-known development secrets and derived keys may be used. Only an
 * explicit `BPM_LOCAL_MODE=true` turns it on (the local launcher, docker-compose and the test
 * runner set it); an unset or other value is not local, whatever NODE_ENV says, so a real
 * installation that forgets a setting stops instead of running on public secrets.
 */
export function isLocalMode(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env['BPM_LOCAL_MODE'];
  if (flag !== 'true') return false;
  if (env['NODE_ENV'] === 'production') {
    throw new Error('BPM_LOCAL_MODE=true is refused when NODE_ENV=production: local mode uses public development keys');
  }
  return true;
}
