// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../core/encoding';
import { convertHtml, convertText } from './convert';

const VI = 'Kính gửi các đồng chí trong ủy ban nhân dân thành phố về việc triển khai';

describe('convertHtml', () => {
  it('converts TCVN3 and VNI text between tags and keeps markup, comments and styles byte for byte', () => {
    const tcvn3 = encodeLegacy(VI, 'tcvn3');
    const vni = encodeLegacy(VI, 'vni');
    const html = `<!DOCTYPE html><html><head><style>.a>p{font:".VnTime"}</style><!--[if gte mso 9]><xml><o:x>µ¸</o:x></xml><![endif]--></head><body><p title='${tcvn3}'>${tcvn3}</p><div>${vni}</div><p>Café &amp; crème brûlée</p></body></html>`;
    const out = convertHtml(html);
    expect(out.runs.length).toBe(2);
    expect(out.text).toBe(html.replace(`>${tcvn3}<`, `>${VI}<`).replace(`>${vni}<`, `>${VI}<`));
    // Attributes and comments are not text: left alone.
    expect(out.text).toContain(`title='${tcvn3}'`);
    expect(out.text).toContain('<o:x>µ¸</o:x>');
  });

  it('decodes entities in a legacy segment and writes the result escaped', () => {
    const tcvn3 = encodeLegacy(VI, 'tcvn3');
    const withEntities = [...tcvn3].map((c) => (c.charCodeAt(0) > 127 ? `&#${c.charCodeAt(0)};` : c)).join('');
    const out = convertHtml(`<p>${withEntities} &amp; &lt;b&gt;</p>`);
    expect(out.text).toBe(`<p>${VI} &amp; &lt;b&gt;</p>`);
  });

  it('leaves Unicode Vietnamese and European text unchanged', () => {
    const html = `<p>${VI}</p><p>Où est la fenêtre? Niño, señor, Müller.</p>`;
    expect(convertHtml(html)).toEqual({ text: html, runs: [] });
    expect(convertText(VI)).toEqual({ text: VI, runs: [] });
  });
});
