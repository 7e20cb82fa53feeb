import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { makeClassifier } from './classify';

describe('makeClassifier', () => {
  const danang = makeClassifier(PRESETS.danang);

  it.each([
    'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.com.vn', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com',
    'msn.com', 'icloud.com', 'aol.com', 'yandex.ru', 'mail.ru', 'proton.me', 'protonmail.com', 'zoho.com', 'gmx.com',
    'vnn.vn', 'hcm.vnn.vn', 'fpt.vn',
  ])('knows %s as public webmail', (domain) => {
    expect(danang.classify(`ten@${domain}`)).toBe('public-webmail');
  });

  it('knows official domains and their subdomains, case-insensitively', () => {
    expect(danang.classify('van.thu@danang.gov.vn')).toBe('official');
    expect(danang.classify('a@stttt.DaNang.gov.vn')).toBe('official');
    expect(danang.classify('a@quangnam.gov.vn')).toBe('official');
  });

  it('raises no false alarm on official, institutional or business addresses', () => {
    for (const a of ['a@fpt.com.vn', 'a@vnpt.vn', 'a@viettel.com.vn', 'a@microsoft.com', 'a@google.com', 'a@hcmus.edu.vn', 'a@mof.gov.vn', 'a@notdanang.gov.vn']) {
      expect(danang.classify(a), a).not.toBe('public-webmail');
    }
    expect(danang.classify('a@notdanang.gov.vn')).toBe('other');
  });

  it('never calls a school or government domain public, whatever the list says', () => {
    expect(danang.classify('a@imail.edu.vn')).toBe('other');
  });

  it('lets IT add public domains and official domains win over every list', () => {
    const custom = makeClassifier({ officialDomains: ['gmail.com'], extraPublicDomains: ['isp.example.vn'] });
    expect(custom.classify('a@isp.example.vn')).toBe('public-webmail');
    expect(custom.classify('a@gmail.com')).toBe('official');
  });
});
