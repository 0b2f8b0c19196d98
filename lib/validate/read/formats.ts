// The input formats the validator reads, one row each, in the order they are
// asked about a line: the first that owns it reads it (read-lines.ts); a line
// none owns is prose. Adding a format is one file in formats/ and one row
// here. A row makes its format for one session, so a format that remembers
// (libvirt's second copies, an open qmp-shell transaction) remembers only that
// input.
import type { InputFormat } from './cursor';
import { iotests } from './formats/iotests';
import { jsonValues } from './formats/json-values';
import { libvirtLog } from './formats/libvirt-log';
import { prefixedLines } from './formats/prefixed-lines';
import { qmpShell } from './formats/qmp-shell';
import { transcript } from './formats/transcript';

export const FORMATS: readonly (() => InputFormat)[] = [
  // messages with the timestamps iotests filter out (before JSON values, which would find them wrong)
  iotests,
  // one value, arrays of messages, JSON Lines, pretty-printed or concatenated values (the most lines: asked early)
  () => jsonValues,
  // `->` / `<-` markers and `...` elisions, as in QEMU's qmp-examples
  () => transcript,
  // `(QEMU) cmd key=val` and `TRANS>` lines
  qmpShell,
  // libvirt's debug log: its probes, `Line [...]`, each message once
  libvirtLog,
  // any other line with one JSON object after a prefix
  () => prefixedLines,
];
