// Group Policy templates for Chrome and Edge, generated from the core's one policy schema:
// one policy per setting per browser, writing exactly the registry values registry.ts writes,
// plus the force-install entry. ADML string tables in Vietnamese and English.
import { t, type MessageKey } from '../core/messages';
import { policySchema, type Policy } from '../core/policy';
import { RULE_IDS, type Lang } from '../core/types';
import { FORCELIST_VALUE_NAME, WINDOWS_BROWSERS, type ExtensionSource } from './targets';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ADMX names allow letters, digits and underscores. */
function admxName(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_');
}

interface Control {
  /** ADMX element inside <elements>. */
  element: string;
  /** ADML presentation control. */
  presentation: (lang: Lang) => string;
}

type FieldSchema = { type: string; enum?: readonly string[]; minimum?: number; maximum?: number; title: string };

const BROWSERS = WINDOWS_BROWSERS.map((b) => ({ ...b, short: b.name.includes('Edge') ? 'Edge' : 'Chrome' }));

function label(lang: Lang, field: string): string {
  const key = `field.${field}` as MessageKey;
  return t(lang, key);
}

function enumLabel(lang: Lang, field: string, value: string): string {
  const key = (field === 'authority' ? `authority.${value}` : field === 'language' ? `language.${value}` : `mode.${value}`) as MessageKey;
  return t(lang, key);
}

function control(id: string, field: string, schema: FieldSchema, key: string, defaultValue: unknown): Control {
  const valueName = field.startsWith('rules.') ? field.slice(6) : field;
  if (schema.type === 'integer') {
    return {
      element: `<decimal id="${id}" valueName="${valueName}" minValue="${schema.minimum}" maxValue="${schema.maximum}" required="true"/>`,
      presentation: (lang) => `<decimalTextBox refId="${id}" defaultValue="${Number(defaultValue)}">${esc(label(lang, field))}</decimalTextBox>`,
    };
  }
  if (schema.type === 'boolean') {
    return {
      element: `<boolean id="${id}" valueName="${valueName}"><trueValue><decimal value="1"/></trueValue><falseValue><decimal value="0"/></falseValue></boolean>`,
      presentation: (lang) => `<checkBox refId="${id}" defaultChecked="${defaultValue ? 'true' : 'false'}">${esc(label(lang, field))}</checkBox>`,
    };
  }
  if (schema.type === 'array') {
    return {
      element: `<list id="${id}" key="${key}\\${field}" valuePrefix=""/>`,
      presentation: (lang) => `<listBox refId="${id}">${esc(label(lang, field))}</listBox>`,
    };
  }
  if (schema.enum) {
    const items = schema.enum.map((v) => `<item displayName="$(string.${admxName(`${field}_${v}`)})"><value><string>${v}</string></value></item>`).join('');
    const index = Math.max(0, schema.enum.indexOf(String(defaultValue)));
    return {
      element: `<enum id="${id}" valueName="${valueName}" required="true">${items}</enum>`,
      presentation: (lang) => `<dropdownList refId="${id}" noSort="true" defaultItem="${index}">${esc(field.startsWith('rules.') ? t(lang, `rule.${valueName}` as MessageKey) : label(lang, field))}</dropdownList>`,
    };
  }
  return {
    element: `<text id="${id}" valueName="${valueName}" maxLength="1024"/>`,
    presentation: (lang) => `<textBox refId="${id}"><label>${esc(label(lang, field))}</label><defaultValue>${esc(String(defaultValue ?? ''))}</defaultValue></textBox>`,
  };
}

interface Defined {
  name: string;
  field: string;
  browser: string;
  admx: string;
  presentation: Control['presentation'];
}

function definitions(policy: Policy, source: ExtensionSource): Defined[] {
  const out: Defined[] = [];
  for (const b of BROWSERS) {
    const key = `${b.key}\\3rdparty\\extensions\\${b.id(source)}\\policy`;
    const category = `CongVuGuard_${b.short}`;
    const fields: Array<[string, FieldSchema, string, unknown]> = [];
    for (const [field, schema] of Object.entries(policySchema.properties)) {
      if (field === 'rules') continue;
      fields.push([field, schema as FieldSchema, key, policy[field as keyof Policy]]);
    }
    for (const id of RULE_IDS) fields.push([`rules.${id}`, policySchema.properties.rules.properties[id] as FieldSchema, `${key}\\rules`, policy.rules[id]]);
    for (const [field, schema, fieldKey, value] of fields) {
      const name = admxName(`${b.short}_${field}`);
      const c = control(name, field, schema, key, value);
      out.push({
        name,
        field,
        browser: b.short,
        admx: `<policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)" presentation="$(presentation.${name})" key="${fieldKey}"><parentCategory ref="${category}"/><supportedOn ref="SUPPORTED_CHROMIUM"/><elements>${c.element}</elements></policy>`,
        presentation: c.presentation,
      });
    }
    const force = admxName(`${b.short}_ForceInstall`);
    out.push({
      name: force,
      field: 'force-install',
      browser: b.short,
      admx: `<policy name="${force}" class="Machine" displayName="$(string.${force})" explainText="$(string.${force}_Explain)" key="${b.key}\\ExtensionInstallForcelist" valueName="${FORCELIST_VALUE_NAME}"><parentCategory ref="${category}"/><supportedOn ref="SUPPORTED_CHROMIUM"/><enabledValue><string>${esc(`${b.id(source)};${b.update(source)}`)}</string></enabledValue><disabledValue><delete/></disabledValue></policy>`,
      presentation: () => '',
    });
  }
  return out;
}

export function admxFile(policy: Policy, source: ExtensionSource): string {
  const defs = definitions(policy, source);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces><target prefix="congvuguard" namespace="CongVuGuard.Policies.Extension"/><using prefix="windows" namespace="Microsoft.Policies.Windows"/></policyNamespaces>',
    '  <resources minRequiredRevision="1.0"/>',
    '  <supportedOn><definitions><definition name="SUPPORTED_CHROMIUM" displayName="$(string.SUPPORTED_CHROMIUM)"/></definitions></supportedOn>',
    '  <categories>',
    '    <category name="CongVuGuard" displayName="$(string.CongVuGuard)"/>',
    ...BROWSERS.map((b) => `    <category name="CongVuGuard_${b.short}" displayName="$(string.CongVuGuard_${b.short})"><parentCategory ref="CongVuGuard"/></category>`),
    '  </categories>',
    '  <policies>',
    ...defs.map((d) => `    ${d.admx}`),
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\r\n');
}

const TEXT = {
  vi: {
    product: 'Công Vụ Guard',
    supported: 'Google Chrome và Microsoft Edge (Windows), có cài Công Vụ Guard',
    forceInstall: (browser: string) => `Cài đặt bắt buộc Công Vụ Guard trên ${browser}`,
    forceExplain: 'Cài Công Vụ Guard cho mọi người dùng trên máy và không cho gỡ bỏ.',
    explain: (label: string) => `${label}. Giá trị đặt ở đây được khóa trong trang Thiết lập của Công Vụ Guard.`,
  },
  en: {
    product: 'Công Vụ Guard',
    supported: 'Google Chrome and Microsoft Edge on Windows, with Công Vụ Guard installed',
    forceInstall: (browser: string) => `Force-install Công Vụ Guard in ${browser}`,
    forceExplain: 'Installs Công Vụ Guard for every user of the computer and prevents its removal.',
    explain: (label: string) => `${label}. A value set here is shown locked in Công Vụ Guard's options page.`,
  },
} as const;

export function admlFile(policy: Policy, source: ExtensionSource, lang: Lang): string {
  const defs = definitions(policy, source);
  const words = TEXT[lang];
  const strings: Array<[string, string]> = [
    ['SUPPORTED_CHROMIUM', words.supported],
    ['CongVuGuard', words.product],
    ...BROWSERS.map((b): [string, string] => [`CongVuGuard_${b.short}`, b.name]),
  ];
  for (const d of defs) {
    const browserName = BROWSERS.find((b) => b.short === d.browser)!.name;
    if (d.field === 'force-install') {
      strings.push([d.name, words.forceInstall(browserName)], [`${d.name}_Explain`, words.forceExplain]);
      continue;
    }
    const text = d.field.startsWith('rules.') ? `${t(lang, 'field.rules')}: ${t(lang, `rule.${d.field.slice(6)}` as MessageKey)}` : label(lang, d.field);
    strings.push([d.name, text], [`${d.name}_Explain`, words.explain(text)]);
  }
  for (const [field, schema] of Object.entries(policySchema.properties)) {
    const values = (schema as FieldSchema).enum;
    if (values) for (const v of values) strings.push([admxName(`${field}_${v}`), enumLabel(lang, field, v)]);
  }
  for (const m of ['off', 'nudge', 'warn', 'block']) for (const id of RULE_IDS) strings.push([admxName(`rules.${id}_${m}`), enumLabel(lang, 'rules', m)]);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    `  <displayName>${esc(words.product)}</displayName>`,
    `  <description>${esc(words.product)}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, s]) => `      <string id="${id}">${esc(s.normalize('NFC'))}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...defs.filter((d) => d.field !== 'force-install').map((d) => `      <presentation id="${d.name}">${d.presentation(lang)}</presentation>`),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\r\n');
}
