// Transcripts as QEMU's qmp-examples write them (docs/devel/qapi-code-gen:
// "-> " before what the client sends, "<- " before what the server sends, a
// message continued over the lines after it, "..." where the example leaves
// something out). Owns a line that starts with a marker, or with an elision.
import { type InputFormat } from '../cursor';
import { markerOf } from '../line-tests';
import { readElision, readMessage } from '../message';
import { skipWhitespace } from '../../json';

export const transcript: InputFormat = {
  owns(line) {
    const { text, first } = line;
    const c = text.charCodeAt(first);
    if (c === 0x2e) return text.startsWith('...', first);
    return (c === 0x2d || c === 0x3c) && markerOf(text, line.start, line.end) !== null;
  },
  read(line, cx) {
    const { text, first, end } = line;
    const m = markerOf(text, line.start, end);
    if (!m) return readElision(cx, line.index, first, end);
    cx.sawMarker = true;
    const p = skipWhitespace(text, m.after, end);
    if (p >= end) {
      const fault = { offset: m.after, message: `expected a JSON message after '${m.marker}'`, eof: false };
      cx.report.fault(m.after, fault, m.marker);
      return end;
    }
    return readMessage(cx, line.index, p, first - line.start, m.marker);
  },
};
