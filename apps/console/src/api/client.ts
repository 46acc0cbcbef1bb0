import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../app/session';
import { toProblem } from './problem';

/**
 * The gateway's public API, typed from its OpenAPI document (schema.d.ts, generated). Same
 * origin: the gateway serves the console. Every call carries the signed-in user's token.
 */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });

api.use({
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or refused token: back to the sign-in page.
    if (response.status === 401) session.signOut();
    return response;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a success, or the API's problem thrown as ApiProblem (worded by the API). */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<{ data: T; etag?: string }> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw toProblem(0, undefined);
  }
  if (!answer.response.ok || answer.error !== undefined) throw toProblem(answer.response.status, answer.error);
  return { data: answer.data as T, etag: answer.response.headers.get('ETag') ?? undefined };
}
