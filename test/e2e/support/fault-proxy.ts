// An HTTP proxy in front of the real server that breaks record uploads on purpose (issue 7): it
// passes everything through, except that each PUT /api/submissions/{id} goes to `fault`, which
// decides per attempt whether to pass it, deliver it twice, drop the server's answer after the
// server has committed, or answer an error itself. It keeps a log of every attempt.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

export type Attempt = { recordId: string; n: number; at: number };
/** What to do with one upload attempt (n counts this record's attempts from 1). */
export type Fault = 'pass' | 'twice' | 'drop-answer' | 500 | 503;

export interface FaultProxy {
  url: string;
  attempts: Attempt[];
  setFault(decide: (attempt: Attempt) => Fault): void;
  close(): Promise<void>;
}

type Upstream = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => done(Buffer.concat(chunks)));
    stream.on('error', fail);
  });
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let decide: (attempt: Attempt) => Fault = () => 'pass';
  const attempts: Attempt[] = [];
  const counts = new Map<string, number>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((done, fail) => {
      // The Host header is kept, so the server sees the origin the browser used (its Origin check).
      const upstream = request(
        { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (res) => {
          void readBody(res).then((b) => done({ status: res.statusCode ?? 502, headers: res.headers, body: b }), fail);
        },
      );
      upstream.on('error', fail);
      upstream.end(body);
    });

  const reply = (res: ServerResponse, up: Upstream) => {
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) }).end(up.body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const upload = req.method === 'PUT' ? /^\/api\/submissions\/([^/?]+)$/.exec(req.url ?? '') : null;
      if (upload === null) return reply(res, await forward(req, body));
      const recordId = upload[1]!;
      const n = (counts.get(recordId) ?? 0) + 1;
      counts.set(recordId, n);
      const attempt = { recordId, n, at: Date.now() };
      attempts.push(attempt);
      const fault = decide(attempt);
      if (fault === 500 || fault === 503) {
        res
          .writeHead(fault, { 'content-type': 'application/json', ...(fault === 503 ? { 'retry-after': '1' } : {}) })
          .end(JSON.stringify({ error: 'internal', message: 'Injected fault' }));
        return;
      }
      if (fault === 'twice') await forward(req, body); // the first delivery's answer is thrown away
      const up = await forward(req, body);
      if (fault === 'drop-answer') return res.socket?.destroy(); // committed on the server; the device never hears
      reply(res, up);
    })().catch(() => res.socket?.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    attempts,
    setFault(next) {
      decide = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
