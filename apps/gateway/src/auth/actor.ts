import type { Actor } from '@bpm/contracts';
import { TokenRole } from './auth.config';

/** The signed-in person: the `Actor` of event metadata plus a display name. */
export interface AuthenticatedActor extends Actor {
  role: TokenRole;
  name?: string;
}

interface RequestWithActor {
  actor?: AuthenticatedActor;
}

/** The actor the auth guard put on the request, if any (none on public routes). */
export function actorOfRequest(request: unknown): AuthenticatedActor | undefined {
  return (request as RequestWithActor | undefined)?.actor;
}

export function setActorOnRequest(request: unknown, actor: AuthenticatedActor): void {
  (request as RequestWithActor).actor = actor;
}
