// Entry of the validator worker's second bundle (scripts/postexport-validator.mjs):
// the query-qmp-schema reader, loaded with importScripts only when the user
// opens their own QEMU's schema, so the page's first load does not carry it.
import { readIntrospection } from '@/lib/qapi/introspect/index';

(self as unknown as { qapiReadIntrospection: typeof readIntrospection }).qapiReadIntrospection = readIntrospection;
