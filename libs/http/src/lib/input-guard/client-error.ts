import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, STATUS_TITLES, problemType } from '../problem/problem-details';

/** What Node's parser could not read, as a problem: 431 for oversized headers, 400 otherwise. */
export function clientErrorResponse(code: string | undefined): string {
  const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const [problemCode, detail, title] =
    status === 431
      ? ['HEADERS_TOO_LARGE', '请求头过大（例如登录凭据或 Cookie 过长），请精简后重试', '请求头过大']
      : ['BAD_REQUEST', '请求格式不正确，无法解析，请检查后重新提交', STATUS_TITLES[400]];
  const body = JSON.stringify({ type: problemType(problemCode), title, status, detail, code: problemCode });
  return [
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Replaces Node's bare `431`/`400` (sent before any route or filter runs) with problem+json.
 * A socket already reset or written to is only destroyed, as Node's own handler does.
 */
export function answerClientErrorsAsProblems(server: Pick<Server, 'on' | 'listeners'>): void {
  if (server.listeners('clientError').some((l) => (l as { problemJson?: boolean }).problemJson)) return;
  const listener = Object.assign(
    (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: unknown }) => {
      if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage) {
        socket.destroy();
        return;
      }
      socket.end(clientErrorResponse(error.code));
    },
    { problemJson: true },
  );
  server.on('clientError', listener);
}
