import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events to every open preview page. Each connection is told the current version at
 * once, so a page that loaded just before a rebuild still learns it is out of date. `reload` asks
 * pages to load again from scratch (a stylesheet changed) instead of swapping in the new body.
 */
export class ReloadChannel {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private version: string) {
    // Comments keep idle connections open through proxies and let dead ones be noticed.
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), 15_000).unref();
  }

  connect(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(`retry: 300\n\n${versionEvent(this.version, true)}`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  announce(version: string, reload: boolean): void {
    this.version = version;
    this.send(versionEvent(version, reload));
  }

  get connections(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private send(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

function versionEvent(version: string, reload: boolean): string {
  return `event: version\ndata: ${JSON.stringify({ version, reload })}\n\n`;
}
