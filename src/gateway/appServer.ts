// `npm run broker` serves the built app (dist/) and a WebSocket at /engine that speaks the
// worker's messages (worker/protocol.ts, as text: worker/jsonWire.ts), so a page opened with
// ?engine=ws://…/engine shows and drives the broker's engine instead of starting its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY, isLabWorkerPath, LAB_WORKER_POLICY } from '../contentPolicy';
import { decodeWireMessage, encodeWireMessage } from '../worker/jsonWire';
import type { BrokerHost, PageLink } from './brokerHost';

/** The WebSocket's path on the app's port. */
export const ENGINE_PATH = '/engine';
/** A message larger than this from a page is refused (a frame from the page is small). */
const MAX_PAGE_MESSAGE = 16 * 1024 * 1024;
/** The close code a page is sent when it is let go (another page took over, shutdown). */
const LET_GO = 4000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface AppServerOptions {
  host: string;
  port: number;
  /** The built app (vite build's outDir). */
  distDir: string;
  broker: BrokerHost;
}

export class AppServer {
  private readonly server: Server;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAGE_MESSAGE });

  constructor(private readonly options: AppServerOptions) {
    this.server = createServer((req, res) => void this.serveFile(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.mayAttach(req)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      this.sockets.handleUpgrade(req, socket, head, (ws) => this.attach(ws));
    });
  }

  /** The page's address, its engine named in it. */
  get url(): string {
    const { host, port } = this.options;
    return `http://${host}:${port}/?engine=ws://${host}:${port}${ENGINE_PATH}`;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Only the app's own pages may drive the engine: a browser names the page's origin, and a page
   * from another site (which could reach 127.0.0.1 too) is refused. Tools send no origin.
   */
  private mayAttach(req: IncomingMessage): boolean {
    if (new URL(req.url ?? '/', 'http://x').pathname !== ENGINE_PATH) return false;
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://${req.headers.host}`;
  }

  private attach(ws: WebSocket): void {
    const { broker } = this.options;
    const page: PageLink = {
      send: (message) => ws.send(encodeWireMessage(message)),
      close: (reason) => ws.close(LET_GO, reason),
    };
    broker.attachPage(page);
    ws.on('message', (data, isBinary) => {
      let message: unknown;
      try {
        if (isBinary) throw new Error('binary');
        message = decodeWireMessage(String(data));
      } catch {
        page.send({ type: 'error', message: 'Bad message from the page: not JSON', fatal: false });
        return;
      }
      broker.fromPage(page, message);
    });
    ws.on('close', () => broker.detachPage(page));
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = this.fileFor(path);
    if (file === null) {
      res.writeHead(404, { 'Content-Type': TYPES['.txt'] }).end(`Not found: ${path}\n`);
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      if (path === '/' || path === '/index.html') {
        res
          .writeHead(503, { 'Content-Type': TYPES['.txt'] })
          .end('The app is not built yet: run `npm run build`, then reload.\n');
      } else {
        res.writeHead(404, { 'Content-Type': TYPES['.txt'] }).end(`Not found: ${path}\n`);
      }
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': isLabWorkerPath(path)
        ? LAB_WORKER_POLICY
        : CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The file under distDir for a URL path; null for one that would leave it. */
  private fileFor(path: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
    if (relative.split(sep).includes('..') || relative.includes('\0')) return null;
    return join(this.options.distDir, relative);
  }
}
