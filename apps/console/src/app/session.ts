import { decodeJwt } from 'jose';

/** Who is signed in, as the token says (the gateway checks the token on every call). */
export interface Identity {
  sub: string;
  role: string;
  unit?: string;
  name?: string;
  exp?: number;
}

const KEY = 'bpm.console.token';
const listeners = new Set<() => void>();

function read(token: string | null): Identity | undefined {
  if (!token) return undefined;
  try {
    const claims = decodeJwt(token);
    if (typeof claims.sub !== 'string' || typeof claims['role'] !== 'string') return undefined;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return undefined;
    return { sub: claims.sub, role: claims['role'], unit: claims['unit'] as string | undefined, name: claims['name'] as string | undefined, exp: claims.exp };
  } catch {
    return undefined;
  }
}

/** The token lives in this tab only (sessionStorage): closing the tab signs out. */
export const session = {
  token: (): string | undefined => (read(sessionStorage.getItem(KEY)) ? (sessionStorage.getItem(KEY) ?? undefined) : undefined),
  identity: (): Identity | undefined => read(sessionStorage.getItem(KEY)),
  signIn(token: string) {
    sessionStorage.setItem(KEY, token);
    listeners.forEach((l) => l());
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
