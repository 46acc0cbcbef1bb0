import { InternalTokenIssuer, type InternalIssuer } from '@bpm/auth';
import type { Role } from '@bpm/contracts';

const issuers = new Map<InternalIssuer, InternalTokenIssuer>();

/**
 * The headers a caller of monitoring's internal API sends: an internal token signed as the
 * gateway (for a person) or the orchestrator (for the system), local-mode keys as in the services.
 */
export async function internalHeaders(
  who: { id: string; role: Role; unit?: string },
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const issuer: InternalIssuer = who.role === 'system' ? 'orchestrator' : 'gateway';
  if (!issuers.has(issuer)) issuers.set(issuer, InternalTokenIssuer.fromEnv(issuer));
  // A system token names its issuing service as the actor.
  const id = who.role === 'system' ? issuer : who.id;
  const token = await issuers.get(issuer)!.sign({ id, role: who.role, ...(who.unit ? { unit: who.unit } : {}) }, 'monitoring');
  return { authorization: `Bearer ${token}`, ...extra };
}
