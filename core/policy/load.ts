// Merge order: managed (IT) over user over preset. Each layer is validated field by field:
// a bad field is reported and ignored, so the value below it (in the end the preset's safe
// default) stays in force for that field only. Nothing is silently disabled.
import { RULE_IDS, type Mode, type RuleId } from '../types';
import { checkValue, type SubsetSchema } from './check-value';
import { POLICY_FIELDS, policySchema, type AuthorityId, type Policy, type PolicyField } from './schema';
import { isPresetName, PRESETS } from './presets';
import { crossFieldRisks, fieldOf, fieldRisks, type PolicyRisk, type RiskFinding } from './risks';

export type PolicySource = 'preset' | 'user' | 'managed';

export interface PolicyError {
  source: PolicySource;
  /** The bad field, as a path: `attachmentMaxFileMB`, `rules.secret-document`, `officialDomains[2]`. */
  field: string;
  /** `refused`: a value that cannot be right (the field falls back); `risky`: a warning, the value is kept. */
  problem: 'unknown-field' | 'invalid' | 'not-json' | 'not-object' | 'too-deep' | 'refused' | 'risky';
  /** What the field accepts, in words for IT ("a number from 1 to 1024"). */
  expected: { vi: string; en: string };
  /** A short rendering of what was given. */
  received: string;
  /** For `refused` and `risky`: which risk, for scripts. */
  risk?: PolicyRisk;
}

export interface ResolvedPolicy {
  policy: Policy;
  errors: PolicyError[];
  /** Values kept but surely a mistake (problem `risky`); they do not make the policy invalid. */
  warnings: PolicyError[];
  /** Which layer each value came from; `managed` values are locked in the options page. */
  sources: Record<Exclude<PolicyField, 'rules'>, PolicySource> & { rules: Record<RuleId, PolicySource> };
}

export interface PolicyLayers {
  /** Preset name; when absent, the authority named by the layers, else `default`. */
  preset?: AuthorityId;
  user?: unknown;
  managed?: unknown;
}

type FieldSchema = (typeof policySchema.properties)[PolicyField];
function describe(schema: FieldSchema | { type: string; enum?: readonly string[] }): { vi: string; en: string } {
  const s = schema as { type: string; enum?: readonly string[]; minimum?: number; maximum?: number; title?: string };
  if (s.enum) return { vi: `một trong các giá trị ${s.enum.join(', ')}`, en: `one of ${s.enum.join(', ')}` };
  if (s.type === 'integer') return { vi: `một số nguyên từ ${s.minimum} đến ${s.maximum}`, en: `a whole number from ${s.minimum} to ${s.maximum}` };
  // unsigned-document (issue 14)
  if (s.type === 'array' && s.title?.startsWith('Trusted root')) return { vi: 'danh sách chứng thư gốc, mỗi chứng thư là một chuỗi base64 DER hoặc PEM', en: 'a list of root certificates, each as base64 DER or PEM' };
  // Official webmail (issue 12)
  if (s.type === 'array' && s.title?.startsWith('Official webmail')) return { vi: 'danh sách địa chỉ web bắt đầu bằng https://', en: 'a list of web addresses starting with https://' };
  if (s.type === 'array') return { vi: 'danh sách tên miền, ví dụ "danang.gov.vn"', en: 'a list of domain names such as "danang.gov.vn"' };
  if (s.type === 'boolean') return { vi: 'true hoặc false', en: 'true or false' };
  if (s.type === 'object') return { vi: 'một đối tượng JSON', en: 'a JSON object' };
  if (s.title?.startsWith('Official webmail')) return { vi: 'địa chỉ web bắt đầu bằng https://, hoặc để trống', en: 'a web address starting with https://, or empty' };
  // official-directory (issue 14)
  if (s.title?.startsWith('Official directory')) return { vi: 'địa chỉ web của tệp danh bạ, bắt đầu bằng https://, hoặc để trống', en: 'the web address of the directory file, starting with https://, or empty' };
  if (s.title?.startsWith('Address')) return { vi: 'một địa chỉ thư điện tử, hoặc để trống', en: 'an e-mail address, or empty' };
  return { vi: 'chuỗi đúng định dạng', en: 'a string in the documented format' };
}

const words = (vi: string, en: string) => ({ vi, en });

// No setting nests more than one level (a list of domains, the rules object). Deeper input is
// refused before any recursive code (the schema validator, JSON.stringify) sees it.
const MAX_DEPTH = 8;

function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function show(value: unknown): string {
  if (deeperThan(value, MAX_DEPTH)) return Array.isArray(value) ? '[[[…]]]' : '{…}';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// IT types domains as they see them in addresses: "@Danang.gov.vn ". Accept that form.
function normaliseField(field: PolicyField, value: unknown): unknown {
  if ((field === 'officialDomains' || field === 'extraPublicDomains') && Array.isArray(value)) {
    return value.map((d) => (typeof d === 'string' ? d.trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase() : d));
  }
  // Account hygiene (issue 13): IT may paste the sign-on page's address; only its host counts.
  if (field === 'officialSignInHosts' && Array.isArray(value)) {
    return value.map((h) => (typeof h === 'string' ? h.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/s, '').replace(/\.$/, '').toLowerCase() : h));
  }
  if ((field === 'officialWebmailUrl' || field === 'spamReportAddress' || field === 'officialDirectoryUrl') && typeof value === 'string') {
    return value.trim();
  }
  // Official webmail (issue 12)
  if (field === 'officialWebmailUrls' && Array.isArray(value)) return value.map((u) => (typeof u === 'string' ? u.trim() : u));
  return value;
}

interface LayerResult {
  values: Partial<Omit<Policy, 'rules'>> & { rules?: Partial<Record<RuleId, Mode>> };
  errors: PolicyError[];
  warnings: PolicyError[];
}

function riskError(source: PolicySource, r: RiskFinding, value: unknown): PolicyError {
  return { source, field: r.field, problem: r.level === 'refuse' ? 'refused' : 'risky', expected: r.words, received: show(value), risk: r.risk };
}

/** The item a finding's path points at (`officialDomains[1]` → that domain), else the whole value. */
function valueAt(path: string, value: unknown): unknown {
  const m = /\[(\d+)\]$/.exec(path);
  return m && Array.isArray(value) ? value[Number(m[1])] : value;
}

/** Validate one layer field by field, keeping the good fields. */
export function validateLayer(input: unknown, source: PolicySource): LayerResult {
  const errors: PolicyError[] = [];
  const warnings: PolicyError[] = [];
  const values: LayerResult['values'] = {};
  if (input === undefined || input === null) return { values, errors, warnings };
  if (typeof input !== 'object' || Array.isArray(input)) {
    errors.push({ source, field: '(policy)', problem: 'not-object', expected: words('một đối tượng JSON', 'a JSON object'), received: show(input) });
    return { values, errors, warnings };
  }
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (deeperThan(raw, MAX_DEPTH)) {
      errors.push({ source, field: key, problem: 'too-deep', expected: words(`tối đa ${MAX_DEPTH} lớp lồng nhau`, `at most ${MAX_DEPTH} levels of nesting`), received: show(raw) });
      continue;
    }
    if (!(POLICY_FIELDS as string[]).includes(key)) {
      errors.push({ source, field: key, problem: 'unknown-field', expected: words(`một trong các thiết lập ${POLICY_FIELDS.join(', ')}`, `one of the fields ${POLICY_FIELDS.join(', ')}`), received: show(raw) });
      continue;
    }
    const field = key as PolicyField;
    if (field === 'rules') {
      validateRules(raw, source, values, errors);
      continue;
    }
    const schema = policySchema.properties[field];
    const value = normaliseField(field, raw);
    const result = checkValue(schema as SubsetSchema, value);
    if (!result.valid) {
      const where = result.badItem === undefined ? field : `${field}[${result.badItem}]`;
      errors.push({ source, field: where, problem: 'invalid', expected: describe(schema), received: show(raw) });
      continue;
    }
    const risks = fieldRisks(field, value);
    const refused = risks.filter((r) => r.level === 'refuse');
    for (const r of risks) (r.level === 'refuse' ? errors : warnings).push(riskError(source, r, valueAt(r.field, value)));
    if (refused.length > 0) continue;
    (values as Record<string, unknown>)[field] = value;
  }
  if (values.attachmentMaxTotalMB !== undefined && values.attachmentMaxFileMB !== undefined && values.attachmentMaxTotalMB < values.attachmentMaxFileMB) {
    errors.push({ source, field: 'attachmentMaxTotalMB', problem: 'invalid', expected: words(`không nhỏ hơn attachmentMaxFileMB (${values.attachmentMaxFileMB})`, `at least attachmentMaxFileMB (${values.attachmentMaxFileMB})`), received: show(values.attachmentMaxTotalMB) });
    delete values.attachmentMaxTotalMB;
  }
  return { values, errors, warnings };
}

function validateRules(raw: unknown, source: PolicySource, values: LayerResult['values'], errors: PolicyError[]): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ source, field: 'rules', problem: 'invalid', expected: words('một đối tượng ghi chế độ của từng quy tắc', 'an object of rule modes'), received: show(raw) });
    return;
  }
  const rules: Partial<Record<RuleId, Mode>> = {};
  const known: Record<string, FieldSchema | { type: string; enum?: readonly string[] }> = policySchema.properties.rules.properties;
  for (const [id, mode] of Object.entries(raw as Record<string, unknown>)) {
    // Own keys only: `constructor` or `toString` found on Object.prototype are not rules.
    const ruleSchema = Object.hasOwn(known, id) ? known[id] : undefined;
    if (!ruleSchema) {
      errors.push({ source, field: `rules.${id}`, problem: 'unknown-field', expected: words(`một trong các quy tắc ${RULE_IDS.join(', ')}`, `one of the rules ${RULE_IDS.join(', ')}`), received: show(mode) });
      continue;
    }
    if (!checkValue(ruleSchema as SubsetSchema, mode).valid) {
      errors.push({ source, field: `rules.${id}`, problem: 'invalid', expected: describe(ruleSchema), received: show(mode) });
      continue;
    }
    rules[id as RuleId] = mode as Mode;
  }
  values.rules = rules;
}

/** Parse a policy file's text; a syntax error becomes a PolicyError, never a throw. */
export function parsePolicyText(text: string, source: PolicySource): { value?: unknown; error?: PolicyError } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    return { error: { source, field: '(policy)', problem: 'not-json', expected: words('văn bản JSON', 'JSON text'), received: e instanceof Error ? e.message : String(e) } };
  }
}

/** Build the effective policy from the preset and the user and managed layers. */
export function resolvePolicy(layers: PolicyLayers = {}): ResolvedPolicy {
  const user = validateLayer(layers.user, 'user');
  const managed = validateLayer(layers.managed, 'managed');
  const named = managed.values.authority ?? user.values.authority;
  const presetName: AuthorityId = layers.preset ?? (named && isPresetName(named) ? named : 'default');
  const base = PRESETS[presetName];
  const policy: Policy = { ...base, officialDomains: [...base.officialDomains], extraPublicDomains: [...base.extraPublicDomains], rules: { ...base.rules }, officialWebmailUrls: [...base.officialWebmailUrls] };
  const sources = Object.fromEntries(POLICY_FIELDS.map((f) => [f, 'preset'])) as unknown as ResolvedPolicy['sources'];
  sources.rules = Object.fromEntries(RULE_IDS.map((id) => [id, 'preset'])) as Record<RuleId, PolicySource>;

  for (const [source, layer] of [['user', user], ['managed', managed]] as const) {
    for (const [field, value] of Object.entries(layer.values)) {
      if (field === 'rules') {
        for (const [id, mode] of Object.entries(value as Record<RuleId, Mode>)) {
          policy.rules[id as RuleId] = mode;
          sources.rules[id as RuleId] = source;
        }
        continue;
      }
      (policy as unknown as Record<string, unknown>)[field] = value;
      (sources as unknown as Record<string, PolicySource>)[field] = source;
    }
  }
  // The total limit can never be below one file's limit, whichever layers set them.
  if (policy.attachmentMaxTotalMB < policy.attachmentMaxFileMB) policy.attachmentMaxTotalMB = policy.attachmentMaxFileMB;
  const errors = [...user.errors, ...managed.errors];
  const warnings = [...user.warnings, ...managed.warnings];
  refuseCrossFieldRisks(policy, sources, { base, user: user.values }, errors);
  const spamRisk = crossFieldRisks(policy).find((r) => r.risk === 'spam-address-outside');
  if (spamRisk && (sources.spamReportAddress !== 'preset' || sources.officialDomains !== 'preset')) {
    warnings.push(riskError(sources.spamReportAddress, spamRisk, policy.spamReportAddress));
  }
  return { policy, errors, warnings, sources };
}

type CrossField = 'extraPublicDomains' | 'spamReportAddress';

/**
 * Some values are wrong only beside another field (a "public" domain that is official). The
 * field named in the finding, when a layer set it, falls back to the layer below it.
 */
function refuseCrossFieldRisks(policy: Policy, sources: ResolvedPolicy['sources'], layers: { base: Policy; user: LayerResult['values'] }, errors: PolicyError[]): void {
  for (let round = 0; round < 3; round++) {
    const refused = crossFieldRisks(policy).filter((r) => r.level === 'refuse' && sources[fieldOf(r.field) as CrossField] !== 'preset');
    if (refused.length === 0) return;
    for (const r of refused) {
      const field = fieldOf(r.field) as CrossField;
      const from = sources[field];
      errors.push(riskError(from, r, valueAt(r.field, policy[field])));
      const userValue = layers.user[field];
      const fallback = from === 'managed' && userValue !== undefined ? userValue : layers.base[field];
      (policy as unknown as Record<CrossField, unknown>)[field] = Array.isArray(fallback) ? [...(fallback as string[])] : fallback;
      sources[field] = from === 'managed' && userValue !== undefined ? 'user' : 'preset';
    }
  }
}
