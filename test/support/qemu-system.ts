// A real QEMU for the tests of `watch`: Debian's qemu-system-x86_64 (what
// `npm test` installs when it can, scripts/ensure-debian-packages.mjs), with no
// machine (-M none) and two QMP monitors on Unix sockets. Without the binary,
// a suite that needs it is skipped with one line saying so. Every QEMU started
// here is ended by `quit` or, failing that, by its PID (stop()), which the
// suites call in afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { QmpFramer } from '../../lib/qmp/framing';

export const QEMU_SYSTEM = process.env.QEMU_SYSTEM || '/usr/bin/qemu-system-x86_64';
export const hasQemuSystem = existsSync(QEMU_SYSTEM);

/** `describe` for suites that start a QEMU: skipped, saying what is missing, without the binary. */
export function describeWithQemuSystem(name: string, fn: () => void): void {
  if (hasQemuSystem) describe(name, fn);
  else
    describe.skip(name, () => {
      it(`needs ${QEMU_SYSTEM} (Debian's qemu-system-x86; QEMU_SYSTEM names another)`, () => {});
    });
}

export interface RunningQemu {
  /** the two monitors' sockets */
  monitors: [string, string];
  process: ChildProcess;
  /** ends it: `quit` if it still runs, then SIGKILL by PID if it has not exited; removes its sockets */
  stop(): Promise<void>;
}

const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;

function waitExit(p: ChildProcess, ms: number): Promise<boolean> {
  if (exited(p)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    p.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startQemu(): Promise<RunningQemu> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qapi-watch-qemu-'));
  const monitors: [string, string] = [path.join(dir, 'a.sock'), path.join(dir, 'b.sock')];
  const args = ['-M', 'none', '-nodefaults', '-display', 'none'];
  for (const m of monitors) args.push('-qmp', `unix:${m},server=on,wait=off`);
  const child = spawn(QEMU_SYSTEM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const qemu: RunningQemu = {
    monitors,
    process: child,
    async stop() {
      if (!exited(child)) {
        // a monitor held by a client that never let go stays silent: then the PID ends it
        const quit = QmpClient.connect(monitors[0]).then(async (client) => {
          await client.execute('quit');
          client.close();
        });
        await Promise.race([quit.then(() => waitExit(child, 5_000)).catch(() => undefined), waitExit(child, 5_000)]);
      }
      if (!exited(child)) {
        child.kill('SIGKILL');
        await waitExit(child, 10_000);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // QEMU creates both sockets before it starts; until then, or if it exits, nothing can connect
  for (let i = 0; !monitors.every((m) => existsSync(m)); i++) {
    if (exited(child) || i > 1200) {
      await qemu.stop();
      throw new Error(`${QEMU_SYSTEM} did not open its monitors: ${stderr.trim() || `exit ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return qemu;
}

/** A minimal QMP client (the one that provokes events while `watch` reads the other monitor). */
export class QmpClient {
  private readonly framer = new QmpFramer();
  private readonly waiting: ((message: Record<string, unknown>) => boolean)[] = [];
  private next = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      for (const piece of this.framer.push(chunk)) {
        const message = JSON.parse(piece.text) as Record<string, unknown>;
        const k = this.waiting.findIndex((w) => w(message));
        if (k >= 0) this.waiting.splice(k, 1);
      }
    });
  }

  /** Connect, take the greeting and negotiate capabilities. */
  static async connect(socketPath: string): Promise<QmpClient> {
    const socket = net.createConnection({ path: socketPath });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new QmpClient(socket);
    await client.wait((m) => 'QMP' in m);
    await client.execute('qmp_capabilities');
    return client;
  }

  private wait(test: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.socket.once('close', () => reject(new Error('the monitor closed')));
      this.waiting.push((m) => test(m) && (resolve(m), true));
    });
  }

  /** Send a command; resolves with its reply. */
  execute(command: string): Promise<Record<string, unknown>> {
    const id = `test-${++this.next}`;
    const replied = this.wait((m) => m.id === id);
    this.socket.write(JSON.stringify({ execute: command, id }) + '\n');
    return replied;
  }

  close(): void {
    this.socket.destroy();
  }
}
