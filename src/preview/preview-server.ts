import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { UserError } from '../diagnostics/index.js';
import { watchBook, type BookWatcher } from '../watch/book-watcher.js';
import { PreviewBook, type PreviewRender } from './preview-book.js';
import { ROUTES } from './preview-page.js';
import { isWithin, readStaticFile, type StaticFile } from './static-files.js';
import { ReloadChannel } from './reload-channel.js';

export const PREVIEW_HOST = '127.0.0.1';

export interface PreviewOptions {
  bookDir: string;
  edition?: string | undefined;
  /** 0 picks a free port. */
  port: number;
  templatesDir?: string;
  /** Called after every render, the first one included: the command prints what changed. */
  onRender?: (render: PreviewRender) => void;
  onError?: (error: Error) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** The page may load only what this server serves; styles may be inline (the print HTML sets @page inline). */
const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A served file is never a document that runs anything (an SVG opened on its own could). */
const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

/**
 * Serves one print edition of a book on 127.0.0.1 and reloads open pages whenever book.yaml, the
 * manuscript, a translation, a template or a shown image changes. A broken book is shown with its
 * diagnostics; nothing the book contains stops the server.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const book = new PreviewBook({ bookDir: options.bookDir, edition: options.edition, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) });
  let current = await book.render();
  options.onRender?.(current);
  const channel = new ReloadChannel(current.version);
  const assetsDir = path.join(book.templatesDir, 'preview');

  let rendering: Promise<void> | undefined;
  let again = false;
  // The render under way, aborted when a newer change arrives: the loop below renders again.
  let stale: AbortController | undefined;
  // A changed template means a changed stylesheet: pages must load everything again.
  let stylesChanged = false;
  const rerender = (changed: string[]): void => {
    stylesChanged ||= changed.some((file) => isWithin(book.templatesDir, file));
    if (rendering) {
      again = true;
      stale?.abort();
      return;
    }
    rendering = (async () => {
      do {
        again = false;
        stale = new AbortController();
        try {
          current = await book.render(stale.signal);
          watcher.add(current.files.map((file) => path.dirname(file)));
          channel.announce(current.version, stylesChanged);
          stylesChanged = false;
          options.onRender?.(current);
        } catch (error) {
          if (!stale.signal.aborted) options.onError?.(error instanceof Error ? error : new Error(String(error)));
        }
      } while (again);
      rendering = undefined;
    })();
  };
  const watcher: BookWatcher = watchBook({ bookDir: book.bookDir, templatesDir: book.templatesDir, onChange: rerender, ...(options.onError ? { onError: options.onError } : {}) });
  watcher.add(current.files.map((file) => path.dirname(file)));

  const server = createServer((request, response) => {
    void respond(request, response).catch((error: unknown) => {
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    // Only this machine's names: a web page cannot reach the preview by rebinding its own domain to 127.0.0.1.
    if (![`${PREVIEW_HOST}:${port}`, `localhost:${port}`].includes(request.headers.host ?? '')) return plain(response, 403, 'Forbidden host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Method not allowed');
    const pathname = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (pathname === '/' || pathname === '/index.html') {
      return send(response, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_POLICY }, request.method === 'HEAD' ? '' : current.html);
    }
    if (pathname === ROUTES.events) return channel.connect(response);
    const routes: [string, string][] = [
      [ROUTES.assets, assetsDir],
      [ROUTES.templates, book.templatesDir],
      [ROUTES.book, book.bookDir],
    ];
    for (const [prefix, root] of routes) {
      if (!pathname.startsWith(prefix)) continue;
      const file = prefix === ROUTES.assets ? await previewAsset(root, pathname.slice(prefix.length)) : await readStaticFile(root, pathname.slice(prefix.length));
      if (!file) break;
      return send(response, 200, { 'Content-Type': file.type, 'Content-Security-Policy': FILE_POLICY }, request.method === 'HEAD' ? '' : file.body);
    }
    return plain(response, 404, 'Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void watcher.close();
      channel.close();
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new UserError({
            file: `${PREVIEW_HOST}:${options.port}`,
            severity: 'error',
            ruleId: 'preview-port',
            message: `Port ${options.port} on ${PREVIEW_HOST} cannot be used (${error.code}): expected a free port; pass another with --port N (--port 0 picks a free one)`,
          }),
        );
      } else reject(error);
    });
    server.listen(options.port, PREVIEW_HOST, () => resolve());
  });
  await watcher.ready;
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    async close() {
      await watcher.close();
      channel.close();
      await rendering;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The preview's own script and stylesheet: two named files, nothing else from that directory. */
const PREVIEW_ASSETS = new Map([
  ['client.js', 'text/javascript; charset=utf-8'],
  ['preview.css', 'text/css; charset=utf-8'],
]);

async function previewAsset(dir: string, name: string): Promise<StaticFile | undefined> {
  const type = PREVIEW_ASSETS.get(name);
  return type ? { body: await readFile(path.join(dir, name)), type } : undefined;
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  response.writeHead(status, { ...headers, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  response.end(body);
}

function plain(response: ServerResponse, status: number, text: string): void {
  send(response, status, { 'Content-Type': 'text/plain; charset=utf-8' }, `${text}\n`);
}
