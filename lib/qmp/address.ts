// Where a QMP monitor listens, as `watch` takes it: a Unix socket's path, or
// host:port for TCP ([::1]:4444 for IPv6), or QEMU's own spelling of the
// -qmp option's value (unix:/run/qemu.sock,server=on,wait=off,
// tcp:127.0.0.1:4444,server=on), so that what started QEMU can be pasted.
// Receives the operand as typed; guarantees an address or one sentence
// saying what is wrong with it. A word with a '/' in it is always a path.

export type QmpAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

/** QEMU's chardev options after the address (',server=on,wait=off'), its ',,' being a literal comma. */
function withoutOptions(value: string): string {
  const m = /^((?:[^,]|,,)*)(,|$)/.exec(value)!;
  return m[1]!.replace(/,,/g, ',');
}

function tcp(hostPort: string, typed: string): QmpAddress | { error: string } {
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):(\d+)$/.exec(hostPort);
  if (!m) return { error: `'${typed}' is not host:port` };
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return { error: `'${typed}': the port must be 1 to 65535` };
  return { kind: 'tcp', host: m[1] ?? (m[2] || 'localhost'), port };
}

export function parseQmpAddress(typed: string): QmpAddress | { error: string } {
  if (typed === '') return { error: 'the address is empty' };
  if (typed.startsWith('unix:')) {
    const path = withoutOptions(typed.slice(5));
    return path ? { kind: 'unix', path } : { error: `'${typed}' names no socket` };
  }
  if (typed.startsWith('tcp:')) return tcp(withoutOptions(typed.slice(4)), typed);
  if (!typed.includes('/') && /:\d+$/.test(typed)) return tcp(typed, typed);
  return { kind: 'unix', path: typed };
}

/** How messages name an address: the path, or host:port. */
export function addressText(a: QmpAddress): string {
  if (a.kind === 'unix') return a.path;
  return `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
}
