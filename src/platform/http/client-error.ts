import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AppError, toProblem } from './errors.ts';

// A request Node's HTTP parser refuses (a raw non-ASCII byte or a space in the request line, a bad header)
// never reaches Fastify; it is answered here, as problem+json like every other refusal.
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body: object;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADER_OVERFLOW') {
    status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 408;
    body = { type: 'about:blank', title: STATUS_CODES[status], status, detail: status === 431 ? 'the request headers are too large' : 'the request took too long', code: 'validation_failed', correlationId: randomUUID() };
  } else {
    const field = err.code === 'HPE_INVALID_URL' || /url/i.test(err.message) ? 'url' : 'request';
    const message = field === 'url' ? 'the request target holds a character outside printable ASCII' : 'the request could not be parsed';
    body = toProblem(new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]), randomUUID());
  }
  if (socket.writable) {
    const text = JSON.stringify(body);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(err);
}
