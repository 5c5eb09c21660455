// A loopback TCP proxy in front of the server, so a test can make the server unreachable the way
// a care home does: "down" resets every connection, "hang" accepts connections and never answers
// ("lie-fi": the device says it is online while every request stalls), "up" forwards.
// Changing mode cuts the connections already open, since browsers reuse keep-alive sockets.
import { createServer, connect, type Socket } from 'node:net';

export type LinkMode = 'up' | 'down' | 'hang';

export interface LoopbackProxy {
  url: string;
  mode(): LinkMode;
  setMode(mode: LinkMode): void;
  close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<LoopbackProxy> {
  let mode: LinkMode = 'up';
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'down') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'hang') return; // read nothing, answer nothing
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    mode: () => mode,
    setMode(next) {
      mode = next;
      for (const socket of open) socket.destroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
