// A change's path, 'chardev-add.arguments.backend[type=socket].data.reconnect':
// the command or event it is met through, its part (arguments, returns, data)
// and the steps down from there (.member, [] for an array's elements,
// [tag=value] for a union's branch, <kind> for an alternate's alternative).

/** A change's path at the command or event it is met through: 'chardev-add.arguments.backend[type=socket]' -> ['chardev-add', '.arguments.backend[type=socket]']. */
export function splitPath(p: string): [string, string] {
  const m = /^(.+?)(\.(?:arguments|returns|data)(?=$|[.[<]).*)$/.exec(p);
  return m ? [m[1]!, m[2]!] : [p, ''];
}

const PARTS: Record<string, string> = { arguments: 'the arguments of', returns: 'the reply of', data: 'the data of' };
const STEP = /\[\]|\[[^\]=]*=[^\]]*\]|<[^>]*>|\.[^.[<]+/g;

/**
 * A path as words, for a type that has no name to show (a running QEMU's
 * schema masks them): 'query-migrate-parameters.returns.tls-creds' ->
 * "member `tls-creds` of the reply of `query-migrate-parameters`".
 */
export function placeText(path: string, code: (s: string) => string = (s) => s): string {
  const [root, rest] = splitPath(path);
  const part = /^\.(arguments|returns|data)/.exec(rest);
  if (!part) return code(path);
  let text = `${PARTS[part[1]!]} ${code(root)}`;
  for (const step of rest.slice(part[0].length).match(STEP) ?? []) {
    if (step === '[]') text = `each element of ${text}`;
    else if (step.startsWith('[')) text = `branch ${code(step.slice(step.indexOf('=') + 1, -1))} of ${text}`;
    else if (step.startsWith('<')) text = `the ${step.slice(1, -1)} alternative of ${text}`;
    else text = `member ${code(step.slice(1))} of ${text}`;
  }
  return text;
}
