// What every subcommand's option parsing shares: Node's util.parseArgs
// (POSIX and GNU conventions: '--' ends the options, '-' is an operand,
// --name=value or --name value, short options grouped), -h/--help, our
// wording of usage errors, and the --format choice. Receives a command's
// spec (its name, help text, options and operands) and its argv; guarantees
// either the values and operands, or an exit status after printing the help
// (0, on stdout) or one usage error (2, on stderr: what was wrong, then where
// the help is; never the whole help).
import { parseArgs } from 'node:util';
import type { CliIO } from './main';
import { isQemuVersionText } from '../lib/qapi/version';
import type { ValidatorOptions } from '../lib/validate/types';

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** given several times, every value is kept (in order); otherwise the last one counts */
  multiple?: boolean;
  /** the only values the option takes */
  choices?: readonly string[];
  /** what is wrong with a value, or null when it is fine */
  check?: (value: string) => string | null;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** the subcommand's name, as typed ('check') */
  command: string;
  /** the text -h/--help prints */
  usage: string;
  options: O;
  /** the operands in order, each with what a usage error says when it is missing; all are required */
  operands: readonly { missing: string }[];
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { choices: readonly (infer C extends string)[] }
    ? C
    : S['multiple'] extends true
      ? string[]
      : string;

export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: ValueOf<O[K]> };

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  values: OptionValues<O>;
  operands: string[];
}

/** A command's spec, its option types kept exact (so its parsed values are typed). */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** The --format option of a command that prints in these formats (the command says which is its default). */
export function formatOption<F extends string>(...formats: [F, ...F[]]): OptionSpec & { choices: readonly F[] } {
  return { type: 'string', choices: formats };
}

/** A --qemu-version style option: a QEMU version as 10.0 or 10.2.2. */
export const versionOption: OptionSpec = {
  type: 'string',
  check: (v) => (isQemuVersionText(v) ? null : `needs a version such as 10.0 or 10.2.2, not '${v}'`),
};

/** --lenient and --deprecated, as `validate` and `lint-examples` take them. */
export const VALIDATOR_OPTIONS = {
  lenient: { type: 'boolean' },
  deprecated: { type: 'string', choices: ['error', 'warn'] },
} as const satisfies Record<string, OptionSpec>;

/** The validator's options from --lenient and --deprecated. */
export function validatorOptions(values: { lenient?: boolean; deprecated?: string }): ValidatorOptions {
  return {
    ...(values.lenient ? { mode: 'lenient' as const } : {}),
    ...(values.deprecated === 'error' || values.deprecated === 'warn' ? { deprecated: values.deprecated } : {}),
  };
}

/** Print one usage error the way every command does; returns the usage exit status, 2. */
export function usageError(io: CliIO, command: string | null, message: string): number {
  const name = command ? `qapi-explorer ${command}` : 'qapi-explorer';
  io.stderr(`${name}: ${message}\nSee '${name} --help'.\n`);
  return 2;
}

/** Parse a command's argv by its spec: the values and operands, or the exit status once help or a usage error is printed. */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: string[],
  io: CliIO,
): ParsedArgs<O> | number {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(spec.options))
    options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  // strict: false hands every word back as a token, so the messages below are ours, in argv order
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const fail = (message: string) => usageError(io, spec.command, message);
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    io.stdout(spec.usage);
    return 0;
  }
  const values: Record<string, string | boolean | string[]> = {};
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (operands.length === spec.operands.length) return fail(`unexpected argument '${token.value}'`);
      operands.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // '--': parseArgs has made every later word an operand
    const o = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!o) return fail(`unknown option '${token.rawName}'`);
    if (o.type === 'boolean') {
      if (token.value !== undefined) return fail(`${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    // parseArgs takes any next word as the value; one that looks like an option is more likely a forgotten value
    if (value === undefined) return fail(`${token.rawName} needs a value`);
    if (!token.inlineValue && value.startsWith('-') && value !== '-') {
      return fail(`${token.rawName} needs a value (if '${value}' is one, write ${token.rawName}=${value})`);
    }
    if (o.choices && !o.choices.includes(value)) {
      return fail(`${token.rawName} takes ${listOf(o.choices)}, not '${value}'`);
    }
    const wrong = o.check?.(value);
    if (wrong) return fail(`${token.rawName} ${wrong}`);
    if (o.multiple) ((values[token.name] ??= []) as string[]).push(value);
    else values[token.name] = value;
  }
  if (operands.length < spec.operands.length) return fail(spec.operands[operands.length]!.missing);
  return { values: values as OptionValues<O>, operands };
}

/** 'text', 'json' or 'markdown' */
function listOf(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}
