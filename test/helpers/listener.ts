import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server on 127.0.0.1 that records every request it hears: hostile manuscripts aim their remote
 * resources at it, and the tests assert it heard nothing.
 */
export interface Listener {
  requests: string[];
  /** `127.0.0.1:PORT`, once started. */
  host: string;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function recordingListener(): Listener {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('gotcha');
  });
  const listener: Listener = {
    requests,
    host: '',
    start: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      listener.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return listener;
}
