/**
 * Answers from the server, read the way an installed app must read them for
 * weeks after the server moved on: every field the device needs is checked
 * as strictly as the shared schemas say, and a field it does not know is
 * dropped instead of failing the whole answer (a receipt, a change record or
 * a service with a field added in a later release). What the device sends
 * stays strict, and so does the server's reading of it.
 *
 * `lenient` rebuilds a schema with every object inside it stripping unknown
 * keys, keeping its checks; it walks zod's documented schema definitions
 * (`_zod.def`), so the shared schemas stay the one source of truth.
 */
import type { z } from 'zod/mini';

type Schema = z.ZodMiniType;
type Def = Schema['_zod']['def'] & Record<string, unknown>;

function rebuilt<T extends Schema>(schema: T, changes: Record<string, unknown>): T {
  return schema.clone({ ...(schema._zod.def as Def), ...changes });
}

export function lenient<T extends Schema>(schema: T): T {
  const def = schema._zod.def as Def;
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, Schema>;
      const loose = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, lenient(v)]));
      // No catchall: zod strips keys the shape does not name.
      return rebuilt(schema, { shape: loose, catchall: undefined });
    }
    case 'array':
      return rebuilt(schema, { element: lenient(def['element'] as Schema) });
    case 'record':
      return rebuilt(schema, { valueType: lenient(def['valueType'] as Schema) });
    case 'union':
      return rebuilt(schema, { options: (def['options'] as Schema[]).map((o) => lenient(o)) });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return rebuilt(schema, { innerType: lenient(def['innerType'] as Schema) });
    default:
      return schema;
  }
}
