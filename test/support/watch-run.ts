// Running `qapi-explorer watch` in process: its output as it comes, and a
// promise that resolves once the session is open (its line on stderr), which
// is when a test may start provoking events.
import { Readable } from 'node:stream';
import type { CliIO } from '../../cli/main';
import { run, type WatchHooks } from '../../cli/watch';

export interface WatchRun {
  out: string[];
  err: string[];
  /** resolves when the session is open, or when the watch ends before that */
  opened: Promise<void>;
  done: Promise<number>;
}

export function startWatch(
  args: string[],
  { onOut, ...hooks }: WatchHooks & { onOut?: (text: string) => void } = {},
): WatchRun {
  const out: string[] = [];
  const err: string[] = [];
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const io: CliIO = {
    stdout: (t) => (onOut ? onOut(t) : void out.push(t)),
    stderr: (t) => {
      err.push(t);
      if (t.includes(' events in its schema')) open();
    },
    cwd: process.cwd(),
    stdin: Readable.from(['']),
  };
  const done = run(args, io, hooks);
  void done.finally(open);
  return { out, err, opened, done };
}
