// Running a CLI command in process: an IO that records what the command
// writes, and a runner that returns its status with the text.
import { Readable } from 'node:stream';
import type { CliIO } from '../../cli/main';

export interface RecordedIO {
  out: string[];
  err: string[];
  io: CliIO;
}

export function recordIO(stdin: Iterable<string> | AsyncIterable<string> = [''], cwd = process.cwd()): RecordedIO {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd,
    stdin: Readable.from(stdin),
  };
  return { out, err, io };
}

export async function runCommand(
  command: (args: string[], io: CliIO) => Promise<number>,
  args: string[],
  { stdin = '', cwd }: { stdin?: string; cwd?: string } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const { out, err, io } = recordIO([stdin], cwd);
  const status = await command(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}
