/**
 * The ceilings of `npm run bench` (forked by bench/run.ts), on the same server stack as Koda
 * (Hono on @hono/node-server): A, a bare "ok"; B, a static buffer of the feed's size and the same
 * bytes gzipped. Nothing Koda does per request can be cheaper than these.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const body = readFileSync(process.env.BENCH_BODY_FILE ?? '/dev/null');
const gzipped = gzipSync(body);
const app = new Hono();
app.get('/ok', (c) => c.text('ok'));
app.get('/static', (c) =>
  c.body(new Uint8Array(body), 200, { 'Content-Type': 'text/calendar; charset=utf-8' }),
);
app.get('/static-gzip', (c) =>
  c.body(new Uint8Array(gzipped), 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Encoding': 'gzip',
    Vary: 'Accept-Encoding',
  }),
);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise<void>((resolve) => server.once('listening', resolve));

process.on('message', (message: { id: number; cmd: string }) => {
  if (message.cmd === 'cpu') {
    const used = process.cpuUsage();
    process.send?.({ id: message.id, result: (used.user + used.system) / 1000 });
  } else if (message.cmd === 'stop') {
    server.close();
    server.closeAllConnections();
    process.send?.({ id: message.id, result: true });
    setImmediate(() => process.exit(0));
  }
});
process.send?.({
  ready: true,
  port: (server.address() as AddressInfo).port,
  bytes: body.length,
  gzipBytes: gzipped.length,
});
