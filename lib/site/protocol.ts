// What QMP messages look like on the wire, independent of any schema: the
// envelope every event, command, reply, error and greeting travels in. Written
// for this site from the protocol's specification (QEMU's docs/interop/qmp-spec.rst).
// One source for the protocol page (components/docs-html/ProtocolPage.tsx)
// and its search entries (lib/site/search-docs.ts): each section lists the
// envelope keys it explains, so searching `timestamp` or `execute` lands here.
// Pure data.

export interface ProtocolSection {
  /** anchor id on the page */
  id: string;
  title: string;
  /** the envelope's own words (JSON keys) this section explains */
  keys: string[];
  /** paragraphs, plain text; `word` in backquotes is shown as code */
  text: string[];
  /** a transcript: '->' client to server, '<-' server to client */
  example: string;
}

export const PROTOCOL_SECTIONS: ProtocolSection[] = [
  {
    id: 'greeting',
    title: 'Greeting',
    keys: ['QMP', 'greeting', 'version', 'capabilities'],
    text: [
      "As soon as a client connects, the server sends one greeting: a `QMP` object with the server's `version` " +
        '(the same shape `query-version` returns) and the optional protocol `capabilities` it offers, such as `oob`.',
      'The connection then starts in capabilities negotiation: the only command accepted is `qmp_capabilities`, ' +
        'which may switch offered capabilities on. After its reply, every command is available.',
    ],
    example:
      '<- { "QMP": { "version": { "qemu": { "major": 10, "minor": 2, "micro": 2 }, "package": "" },\n' +
      '              "capabilities": [ "oob" ] } }\n' +
      '-> { "execute": "qmp_capabilities", "arguments": { "enable": [ "oob" ] } }\n' +
      '<- { "return": {} }',
  },
  {
    id: 'command',
    title: 'Command',
    keys: ['execute', 'exec-oob', 'arguments', 'id'],
    text: [
      'A client runs a command by sending an object whose `execute` member names it. `arguments` carries the ' +
        "command's arguments and is left out when there are none. `id`, optional and of any JSON type, comes back " +
        'unchanged in the reply, so replies can be matched to commands.',
      '`exec-oob` instead of `execute` asks for out-of-band execution (only with the `oob` capability, and only for ' +
        'commands that allow it): the command overtakes queued ones, so its reply may arrive before theirs.',
    ],
    example: '-> { "execute": "query-kvm", "id": 7 }',
  },
  {
    id: 'return',
    title: 'Success reply',
    keys: ['return', 'reply', 'response'],
    text: [
      "Every command gets exactly one reply. On success it is an object with `return`: the command's return value " +
        "as its page describes it, or an empty object `{}` for a command that returns nothing. The command's `id` " +
        'is repeated when it had one.',
    ],
    example: '-> { "execute": "query-kvm", "id": 7 }\n<- { "return": { "enabled": true, "present": true }, "id": 7 }',
  },
  {
    id: 'error',
    title: 'Error reply',
    keys: ['error', 'class', 'desc'],
    text: [
      'A command that fails is answered with `error` instead of `return`: an object with the error `class` ' +
        '(nearly always `GenericError`) and `desc`, a message for humans that programs should not parse. The `id` ' +
        'is repeated when the server could read it; input it cannot parse gets an error without one.',
    ],
    example:
      '-> { "execute": "blockdev-del", "arguments": { "node-name": "nope" }, "id": 8 }\n' +
      '<- { "error": { "class": "GenericError", "desc": "Failed to find node with node-name=\'nope\'" }, "id": 8 }',
  },
  {
    id: 'event',
    title: 'Event',
    keys: ['event', 'data', 'timestamp', 'seconds', 'microseconds'],
    text: [
      'The server sends events on its own, between replies, whenever something happens. `event` names it; ' +
        '`data`, left out by events that carry none, holds the members its page lists; `timestamp` says when it ' +
        'happened, as `seconds` and `microseconds` since the Unix epoch (both -1 when the host clock could not be read).',
      'Some events are rate-limited: of several similar ones within a second, only the last is delivered, late.',
    ],
    example: '<- { "event": "STOP", "timestamp": { "seconds": 1767225600, "microseconds": 250000 } }',
  },
];
