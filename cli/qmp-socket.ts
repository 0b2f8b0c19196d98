// A QMP monitor's socket, opened for `watch` (node:net, a Unix socket or
// TCP). Receives an address and how long to try; guarantees a connected
// socket decoding UTF-8, or one sentence saying why there is none, in terms
// of what the user can check (no such socket, nothing listening, no access).
import { statSync } from 'node:fs';
import net from 'node:net';
import { addressText, type QmpAddress } from '../lib/qmp/address';

export async function connectQmp(address: QmpAddress, timeoutMs: number): Promise<net.Socket | { fault: string }> {
  return new Promise((resolve) => {
    const socket =
      address.kind === 'unix'
        ? net.createConnection({ path: address.path })
        : net.createConnection({ host: address.host, port: address.port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ fault: `${addressText(address)}: no connection within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    const failed = (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ fault: connectFault(address, err) });
    };
    socket.once('error', failed);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', failed);
      socket.setEncoding('utf8');
      resolve(socket);
    });
  });
}

function connectFault(address: QmpAddress, err: NodeJS.ErrnoException): string {
  const where = addressText(address);
  if (address.kind === 'unix') {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return `${where}: no such socket`;
    if (err.code === 'EACCES' || err.code === 'EPERM') return `${where}: permission denied`;
    if (err.code === 'ECONNREFUSED') {
      const stat = statSync(address.path, { throwIfNoEntry: false });
      if (stat && !stat.isSocket()) return `${where}: not a socket`;
      return `${where}: nothing accepts connections on this socket (has the QEMU that made it quit?)`;
    }
  } else {
    if (err.code === 'ECONNREFUSED') return `${where}: connection refused (nothing listens there)`;
    if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return `${where}: unknown host '${address.host}'`;
  }
  return `${where}: cannot connect: ${err.message}`;
}
