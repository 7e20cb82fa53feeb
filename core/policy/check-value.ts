// The policy schema's checker. The schema keeps to the subset of JSON Schema that Chrome's
// managed storage accepts (schema.ts), so checking a value against it takes a page, where a
// general JSON Schema library added 17 KB to every event of classic Outlook's launch file
// (issue 11). A schema keyword outside the subset throws, so a later schema change cannot
// leave a field unchecked; check-value.test.ts compares the answers with @cfworker/json-schema.

/** The keywords this checker understands; title and description only describe. */
const KEYWORDS = new Set(['type', 'title', 'description', 'enum', 'pattern', 'minimum', 'maximum', 'items', 'properties']);

export interface SubsetSchema {
  type?: string;
  enum?: readonly unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: SubsetSchema;
  properties?: Record<string, SubsetSchema>;
}

export type ValueCheck = { valid: true } | { valid: false; badItem?: number };

/** JSON Schema's instance types, with `integer` as a number without a fraction. */
function isOfType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && value % 1 === 0;
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      throw new Error(`policy schema: unknown type ${type}`);
  }
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  // The 'u' flag, as JSON Schema validators read a pattern (ECMA-262 with Unicode).
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

function valid(schema: SubsetSchema, value: unknown): boolean {
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) throw new Error(`policy schema: keyword ${key} is not checked`);
  if (schema.type !== undefined && !isOfType(value, schema.type)) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === 'string' && schema.pattern !== undefined && !patternOf(schema.pattern).test(value)) return false;
  if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) return false;
  if (Array.isArray(value) && schema.items) return firstBadItem(schema.items, value) < 0;
  if (schema.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(schema.properties)) if (Object.hasOwn(value, key) && !valid(sub, (value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function firstBadItem(items: SubsetSchema, list: readonly unknown[]): number {
  return list.findIndex((item) => !valid(items, item));
}

/** Whether `value` meets `schema`; for a list, which item fails first. */
export function checkValue(schema: SubsetSchema, value: unknown): ValueCheck {
  if (valid(schema, value)) return { valid: true };
  const bad = Array.isArray(value) && schema.items ? firstBadItem(schema.items, value) : -1;
  return bad >= 0 ? { valid: false, badItem: bad } : { valid: false };
}
