import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../types';
import { checkValue, type SubsetSchema } from './check-value';
import { PRESETS } from './presets';
import { POLICY_FIELDS, policySchema } from './schema';

/** The first bad list item as @cfworker/json-schema reports it, the way load.ts used to read it. */
function reference(schema: object, value: unknown): { valid: boolean; badItem?: number } {
  const result = new Validator(schema as Schema, '7', false).validate(value);
  if (result.valid) return { valid: true };
  const bad = result.errors.find((e) => /^#\/\d+$/.test(e.instanceLocation))?.instanceLocation;
  return bad ? { valid: false, badItem: Number(bad.slice(2)) } : { valid: false };
}

/** Values of every JSON shape, near and far from what each field takes. */
function samples(): unknown[] {
  const scalars: unknown[] = [null, true, false, 0, 1, -1, 1.5, 20, 1024, 1025, 1e9, '', ' ', 'off', 'nudge', 'warn', 'block', 'Block', 'vi', 'en', 'fr', 'danang', 'default'];
  const strings = ['danang.gov.vn', 'Danang.gov.vn', 'gov.vn', 'a.b', 'a.vn', '-a.vn', 'xn--55qx5d.cn', 'chanthurac@danang.gov.vn', 'a@b', 'https://mail.danang.gov.vn', 'http://x.vn', 'https:// x', 'https://', 'MIIB' + 'A'.repeat(70), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'đà-nẵng.vn'];
  const lists = [[], ['danang.gov.vn'], ['danang.gov.vn', 'Bad Domain', 'x'], [1, 'danang.gov.vn'], ['danang.gov.vn', null], [['nested']], [{}], strings];
  const objects = [{}, { 'secret-document': 'block' }, { 'secret-document': 'loud' }, { other: 1 }];
  return [...scalars, ...strings, ...lists, ...objects];
}

describe('checkValue (the policy schema subset)', () => {
  it('answers as @cfworker/json-schema on every field of the schema, for values of every shape', () => {
    const fields = POLICY_FIELDS.map((f) => policySchema.properties[f] as object);
    const rules = RULE_IDS.map((id) => policySchema.properties.rules.properties[id] as object);
    const values = [...samples(), ...Object.values(PRESETS).flatMap((p) => Object.values(p))];
    let invalid = 0;
    let items = 0;
    for (const schema of [...fields, ...rules]) {
      for (const value of values) {
        const want = reference(schema, value);
        expect(checkValue(schema as SubsetSchema, value), `${JSON.stringify(schema).slice(0, 60)} ← ${JSON.stringify(value)}`).toEqual(want);
        if (!want.valid) invalid++;
        if (want.badItem !== undefined) items++;
      }
    }
    // The comparison saw both answers and the item an error points at.
    expect(invalid).toBeGreaterThan(100);
    expect(items).toBeGreaterThan(10);
  });

  it('refuses a schema keyword it does not check, so no field goes unchecked', () => {
    expect(() => checkValue({ type: 'string', format: 'uri' } as SubsetSchema, 'x')).toThrow(/format/);
    expect(() => checkValue({ type: 'array', items: { type: 'string', maxLength: 3 } } as SubsetSchema, ['abcd'])).toThrow(/maxLength/);
  });
});
