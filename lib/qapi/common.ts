// Name mangling shared by the checks. Port of the parts of QEMU
// scripts/qapi/common.py that the front end needs: c_name() decides which
// member names clash in generated C, so the checker must use the very same
// mapping to report the clashes QEMU reports.

const TICKLISH_WORDS = new Set([
  // C89
  'auto',
  'break',
  'case',
  'char',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extern',
  'float',
  'for',
  'goto',
  'if',
  'int',
  'long',
  'register',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'struct',
  'switch',
  'typedef',
  'union',
  'unsigned',
  'void',
  'volatile',
  'while',
  // C99
  'inline',
  'restrict',
  '_Bool',
  '_Complex',
  '_Imaginary',
  // C11
  '_Alignas',
  '_Alignof',
  '_Atomic',
  '_Generic',
  '_Noreturn',
  '_Static_assert',
  '_Thread_local',
  // GCC extensions
  'asm',
  'typeof',
  // C++
  'bool',
  'catch',
  'class',
  'const_cast',
  'delete',
  'dynamic_cast',
  'explicit',
  'false',
  'friend',
  'mutable',
  'namespace',
  'new',
  'operator',
  'private',
  'protected',
  'public',
  'reinterpret_cast',
  'static_cast',
  'template',
  'this',
  'throw',
  'true',
  'try',
  'typeid',
  'typename',
  'using',
  'virtual',
  'wchar_t',
  'and',
  'and_eq',
  'bitand',
  'bitor',
  'compl',
  'not',
  'not_eq',
  'or',
  'or_eq',
  'xor',
  'xor_eq',
  // namespace pollution by system headers
  'unix',
  'errno',
  'mips',
  'sparc',
  'i386',
  'linux',
]);

/**
 * Map a QAPI name to a C identifier: every character outside [A-Za-z0-9_]
 * becomes '_'. With `protect`, C keywords and names starting with a digit
 * get a 'q_' prefix (which is why user names may not start with 'q_').
 */
// module constants: a regex literal in a function body is a new object per call
const C_NAME_RE = /^[A-Za-z0-9_]*$/;
const NOT_C_NAME_CHAR_RE = /[^A-Za-z0-9_]/g;
const LEADING_DIGIT_RE = /^[0-9]/;

const protectedCache = new Map<string, string>();
const plainCache = new Map<string, string>();

export function cName(name: string, protect = true): string {
  // the checks ask for the same few thousand names over and over
  const cache = protect ? protectedCache : plainCache;
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const mangled = C_NAME_RE.test(name) ? name : name.replace(NOT_C_NAME_CHAR_RE, '_');
  const result = protect && (TICKLISH_WORDS.has(mangled) || LEADING_DIGIT_RE.test(mangled)) ? 'q_' + mangled : mangled;
  if (cache.size < 100_000) cache.set(name, result);
  return result;
}
