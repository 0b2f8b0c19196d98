// What the subcommands' argument parsers share: an option is a word starting
// with '-', except '-' alone (standard input, an operand); a word no branch of
// a parser took is an unknown option or an operand too many.

/** Whether `arg` is an option rather than an operand. */
export function isOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** What is wrong with a word no branch of a parser took. */
export function misplacedArgument(arg: string): string {
  return isOption(arg) ? `unknown option '${arg}'` : `unexpected argument '${arg}'`;
}

/** A QEMU version as the --qemu-version options take it: 10.0 or 10.2.2. */
export function isQemuVersion(value: string | undefined): value is string {
  return value !== undefined && /^\d+\.\d+(\.\d+)?$/.test(value);
}
