import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../../test/fixtures/docs/cp1258';
import { extractDocument } from './index';

const VI = 'Mọi chi tiết xin liên hệ: nguyenvana@gmail.com — Ủy ban nhân dân';
const utf16 = (s: string, le: boolean) => {
  const b = new Uint8Array(s.length * 2);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    b[k * 2 + (le ? 0 : 1)] = c & 0xff;
    b[k * 2 + (le ? 1 : 0)] = c >> 8;
  }
  return b;
};

describe('plain text', () => {
  const cases: [string, Uint8Array][] = [
    ['utf-8', new TextEncoder().encode(VI)],
    ['utf-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(VI)])],
    ['utf-16le BOM', new Uint8Array([0xff, 0xfe, ...utf16(VI, true)])],
    ['utf-16be BOM', new Uint8Array([0xfe, 0xff, ...utf16(VI, false)])],
    ['utf-16le without BOM', utf16(VI, true)],
    ['utf-16be without BOM', utf16(VI, false)],
    ['windows-1258', encodeCp1258(VI)],
  ];
  for (const [label, bytes] of cases) {
    it(`${label} → NFC Vietnamese`, async () => {
      const doc = await extractDocument('ghi-chu.txt', bytes);
      expect(doc.text).toBe(VI.normalize('NFC'));
    });
  }

  it('decomposed UTF-8 comes back NFC', async () => {
    const doc = await extractDocument('a.txt', new TextEncoder().encode(VI.normalize('NFD')));
    expect(doc.text).toBe(VI.normalize('NFC'));
  });
});

describe('html', () => {
  it('drops scripts, styles and comments, decodes entities, collects hrefs', async () => {
    const html = `<!DOCTYPE html><html><head><title>Th&ocirc;ng b&aacute;o</title><style>.x{}</style><script>if (a < b) alert("x@gmail.com")</script></head>
      <body><!-- an@gmail.com --><h1>Ủy ban nh&acirc;n d&acirc;n</h1><p>Li&ecirc;n h&#7879;: <a href='mailto:lienhe@yahoo.com'>b&#7845;m v&agrave;o &#x0111;&acirc;y</a></p>
      <table><tr><td>Email</td><td>ho.ten&commat;gmail.com</td></tr></table><p>a &lt; b &amp;&amp; c</p></body></html>`;
    const doc = await extractDocument('thong-bao.html', new TextEncoder().encode(html));
    expect(doc.text).toContain('Thông báo');
    expect(doc.text).toContain('Ủy ban nhân dân');
    expect(doc.text).toContain('Liên hệ: bấm vào đây');
    expect(doc.text).toContain('ho.ten@gmail.com');
    expect(doc.text).toContain('a < b && c');
    expect(doc.text).not.toMatch(/x@gmail|an@gmail|\.x\{/);
    expect(doc.links).toEqual(['mailto:lienhe@yahoo.com']);
  });

  it('is sniffed from content without an .html name', async () => {
    const doc = await extractDocument('noname', new TextEncoder().encode('<html><body><a href="mailto:a@gmail.com">x</a></body></html>'));
    expect(doc.links).toEqual(['mailto:a@gmail.com']);
  });
});
