import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { makeClassifier } from './classify';
import { extractAddresses } from './extract';

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

  it('reads the root dot of a fully qualified domain as the same domain', () => {
    expect(danang.classify('canbo@gmail.com.')).toBe('public-webmail');
    expect(danang.classify('lienhe@yahoo.com.vn.')).toBe('public-webmail');
    expect(danang.classify('vanthu@danang.gov.vn.')).toBe('official');
    expect(danang.classify('a@stttt.danang.gov.vn.')).toBe('official');
    // In running text the same dot ends the sentence and never reaches the classifier.
    const found = extractAddresses('Liên hệ a@gmail.com. Văn phòng: b@danang.gov.vn.', danang).map((f) => f.address);
    expect(found).toEqual(['a@gmail.com', 'b@danang.gov.vn']);
  });

  it('reads a domain through the invisible characters hidden in it', () => {
    expect(danang.classify('canbo@gmail\u200b.com')).toBe('public-webmail');
    expect(danang.classify('canbo@g\u00admail.com')).toBe('public-webmail');
    expect(danang.classify('canbo@gmail.com\ufeff')).toBe('public-webmail');
    expect(danang.classify('vanthu@danang\u2060.gov.vn')).toBe('official');
  });

  it('never lets a suffix in the provider list cover every name under it', () => {
    for (const a of ['info@shop.net.ua', 'a@site.co.cc', 'a@ban.go.ro', 'a@firma.go.ru', 'a@host.dyndns.org', 'a@www.sakura.ne.jp', 'a@business.za.com']) {
      expect(danang.classify(a), a).toBe('other');
    }
  });

  it('matches the bundled providers exactly, bar the ISPs with regional mailboxes', () => {
    // Free hosts its subscribers' web sites on subdomains of its mail domain.
    expect(danang.classify('a@free.fr')).toBe('public-webmail');
    expect(danang.classify('webmaster@monsite.free.fr')).toBe('other');
    expect(danang.classify('a@dng.vnn.vn')).toBe('public-webmail');
  });

  it('lets IT add public domains and official domains win over every list', () => {
    const custom = makeClassifier({ officialDomains: ['gmail.com'], extraPublicDomains: ['isp.example.vn'] });
    expect(custom.classify('a@isp.example.vn')).toBe('public-webmail');
    expect(custom.classify('a@gmail.com')).toBe('official');
  });
});
