// In a page the provider list is the background's: a domain reads as not public until its
// verdict arrives, then the draft is checked again. That second check must see the verdict.
import { describe, expect, it, vi } from 'vitest';
import { check } from './check';
import { PRESETS } from './policy/presets';
import { attachment, draft } from './rules/test-helpers';

const answered = vi.hoisted(() => new Set<string>());
vi.mock('./address/public-domains', async (original) => {
  const real = await original<typeof import('./address/public-domains')>();
  return { ...real, PUBLIC_WEBMAIL_DOMAINS: answered };
});

describe('check with verdicts that arrive later', () => {
  it('flags a public contact on the check after the verdict arrives, though an earlier check saw it unanswered', () => {
    const letter = () => draft({ to: ['vanthu@danang.gov.vn'], attachments: [attachment('cong-van.docx', 'Liên hệ: lienhe.ubnd@gmail.com')] });
    const contactRule = (findings: ReturnType<typeof check>) => findings.filter((f) => f.rule === 'public-contact-in-document');
    expect(contactRule(check(letter(), PRESETS.danang))).toEqual([]);
    answered.add('gmail.com');
    expect(contactRule(check(letter(), PRESETS.danang))).toHaveLength(1);
  });
});

// issue 11: a long body's addresses are kept for the next check with the answers the classifier
// gave while reading them; a spaced address is a guess that depends on such an answer.
describe('a body read again after a verdict arrives', () => {
  it('finds a spaced public address once its domain is answered, though the same body was read before', () => {
    const body = `Kính gửi anh chị,\nmọi góp ý xin gửi về lienhe.ubnd @ outlook.com trước ngày 30.\n${'Trân trọng. '.repeat(400)}`;
    const letter = () => draft({ surface: 'official', to: ['vanthu@danang.gov.vn'], bodyText: body });
    const contactRule = (findings: ReturnType<typeof check>) => findings.filter((f) => f.rule === 'public-contact-in-document');
    expect(contactRule(check(letter(), PRESETS.danang))).toEqual([]);
    expect(contactRule(check(letter(), PRESETS.danang))).toEqual([]);
    answered.add('outlook.com');
    const after = contactRule(check(letter(), PRESETS.danang));
    expect(after).toHaveLength(1);
    expect(after[0]!.evidence.addresses).toEqual(['lienhe.ubnd@outlook.com']);
  });
});
