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
