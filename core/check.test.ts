import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, receivedMail } from './check';
import { extractDocument } from './extract';
import { en } from './messages/en';
import { renderFinding, t } from './messages';
import { vi } from './messages/vi';
import { resolvePolicy } from './policy/load';
import { PRESETS } from './policy/presets';
import { ACCOUNT_RULE_IDS, MESSAGE_RULES, RULES } from './rules';
import { attachment, draft } from './rules/test-helpers';
import { RULE_IDS } from './types';

describe('check', () => {
  const workDraft = () =>
    draft({ to: ['vanthu@danang.gov.vn'], subject: 'V/v báo cáo', attachments: [attachment('bao-cao.docx', 'TỐI MẬT\nLiên hệ: a@gmail.com', 30 * 1024 * 1024)] });

  it('runs every rule and gives each finding its mode as severity, most severe first', () => {
    const findings = check(workDraft(), PRESETS.danang);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['attachment-size', 'block'],
      ['secret-document', 'block'],
      ['public-webmail-work', 'warn'],
      ['public-contact-in-document', 'warn'],
    ]);
  });

  it('cites the policy authority’s own regulation', () => {
    const [size] = check(workDraft(), PRESETS.danang);
    expect(size?.citation.vi).toBe('Khoản 1 Điều 7, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
    const other = check(workDraft(), PRESETS.quangngai).find((f) => f.rule === 'public-webmail-work');
    expect(other?.citation.vi).toContain('4504/UBND-CBTH');
  });

  it('skips rules the policy switches off and applies the modes it sets', () => {
    const { policy } = resolvePolicy({ preset: 'danang', managed: { rules: { 'secret-document': 'off', 'public-webmail-work': 'block' } } });
    const findings = check(workDraft(), policy);
    expect(findings.some((f) => f.rule === 'secret-document')).toBe(false);
    expect(findings.find((f) => f.rule === 'public-webmail-work')?.severity).toBe('block');
  });

  it('runs only the rules that apply to received mail on an incoming message', () => {
    const msg = { ...workDraft(), direction: 'incoming' as const, surface: 'official' as const };
    expect(check(msg, PRESETS.danang).map((f) => f.rule)).toEqual(['public-contact-in-document']);
  });
});

describe('rule registry', () => {
  it('has, for every rule id, its file, its test, its entry, a citation and its messages in both languages', () => {
    for (const id of RULE_IDS) {
      expect(existsSync(new URL(`./rules/${id}.ts`, import.meta.url)), id).toBe(true);
      expect(existsSync(new URL(`./rules/${id}.test.ts`, import.meta.url)), id).toBe(true);
      expect(RULES[id].id).toBe(id);
      expect(RULES[id].sources.default.vi.length).toBeGreaterThan(5);
      expect(Object.keys(en)).toContain(`rule.${id}`);
      expect(Object.keys(en).some((k) => k.startsWith(`${id}.`)), id).toBe(true);
    }
  });

  // issue 11 (budget): check() runs MESSAGE_RULES only, so a rule left out of it would never run
  it('lists every rule that reads a message among the rules check() runs, and only account rules outside it', () => {
    for (const id of RULE_IDS) {
      const inCheck = id in MESSAGE_RULES;
      expect(inCheck, id).toBe(!(ACCOUNT_RULE_IDS as readonly string[]).includes(id));
      if (inCheck) expect(MESSAGE_RULES[id as keyof typeof MESSAGE_RULES], id).toBe(RULES[id]);
      else expect(RULES[id].appliesTo, id).toEqual([]);
    }
  });
});

describe('messages', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('are NFC, use the same placeholders in both languages, and are never empty', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(vi[key], key).toBe(vi[key].normalize('NFC'));
      expect(vi[key].length).toBeGreaterThan(0);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(vi[key]), key).toEqual(holes(en[key]));
    }
  });

  it('render a finding in Vietnamese by default, with its citation and no placeholder left', () => {
    const [f] = check(draft({ to: ['vanthu@danang.gov.vn'], subject: 'Số: 12/QĐ-UBND' }), PRESETS.danang);
    const words = renderFinding(f!, 'vi');
    expect(words.text).toContain('Thư này có vẻ là thư công vụ (người nhận dùng địa chỉ công vụ, số hiệu văn bản');
    expect(words.citation).toBe('Căn cứ: Mục 1b và 2a, Chỉ thị 06/CT-UBND ngày 27/5/2014 của Chủ tịch UBND thành phố Đà Nẵng');
    expect(words.severity).toBe('Lưu ý');
    expect(`${words.text}${words.citation}`).not.toMatch(/\{\w+\}/);
    expect(renderFinding(f!, 'en').text).toMatch(/^This message looks like official work/);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('vi', 'document.unreadable', { reason: 'tệp bị hỏng' })).toBe('Không đọc được tệp này: tệp bị hỏng');
    expect(t('en', 'document.unreadable')).toBe('Could not read this file: {reason}');
  });
});

// Mails from parser test corpora (test/fixtures/third-party/README.md): each went to a public
// mailbox (Gmail, web.de, Fastmail) that is the reader's own, and none names a public contact.
describe('received third-party mail', () => {
  const dir = new URL('../test/fixtures/third-party/', import.meta.url);
  const mails = readdirSync(dir).filter((n) => n.endsWith('.eml'));

  it.each(mails)('%s: the recipient\'s own public mailbox is not taken for a contact point', async (name) => {
    const document = await extractDocument(name, new Uint8Array(readFileSync(new URL(name, dir))));
    expect(check(receivedMail(document), PRESETS.danang)).toEqual([]);
  });

  it('flags the same mail once it comes from a public mailbox', async () => {
    const bytes = readFileSync(new URL('mailparser-simple.eml', dir), 'latin1').replace('From: andris@kreata.ee', 'From: andris.kreata@gmail.com');
    const document = await extractDocument('simple.eml', new TextEncoder().encode(bytes));
    const [finding] = check(receivedMail(document), PRESETS.danang);
    expect(finding?.messageKey).toBe('public-contact-in-document.incoming-body');
    expect(finding?.evidence.addresses).toEqual(['andris.kreata@gmail.com']);
  });
});
