// OpenDocument writes a run of spaces as <text:s text:c="n"/>. A 6 KB file of 100,000 such
// elements, each asking for 1,000, filled the text budget with 100 M spaces: the words after
// them were cut off unread ('text-cut'). No rule reads meaning in a run of spaces, so a run is
// kept short and the whole text is read.
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index';

const real = new Uint8Array(readFileSync(new URL('../../test/fixtures/docs/cong-van-lien-he-gmail.odt', import.meta.url)));

/** The real file with `inside` put at the start of every paragraph. */
function withInEveryParagraph(inside: string): Uint8Array {
  const files = unzipSync(real);
  const entries: Zippable = { mimetype: [files.mimetype!, { level: 0 }] };
  for (const [name, data] of Object.entries(files)) {
    if (name === 'mimetype') continue;
    entries[name] = name === 'content.xml' ? strToU8(strFromU8(data).replace(/<text:p\b[^>]*>/g, (open) => `${open}${inside}`)) : data;
  }
  return zipSync(entries);
}

describe('runs of spaces in OpenDocument', () => {
  it('are read whole when short, as the writer meant them', async () => {
    const text = (await extractDocument('cong-van.odt', withInEveryParagraph('Số<text:s text:c="3"/>12'))).text;
    expect(text).toContain('Số   12');
  });

  it('cannot push the rest of the text out of the budget', async () => {
    const plain = await extractDocument('cong-van.odt', real);
    const flooded = await extractDocument('cong-van.odt', withInEveryParagraph('<text:s text:c="1000"/>'.repeat(20_000)));
    expect(flooded.notices ?? []).not.toContainEqual(expect.objectContaining({ code: 'text-cut' }));
    expect(flooded.text).toContain('@gmail.com');
    // The same text, every word in its place, but for the spaces.
    const unspaced = (text: string) => text.replace(/ /g, '');
    expect(unspaced(flooded.text)).toBe(unspaced(plain.text));
    expect(flooded.text.length).toBeLessThan(plain.text.length + 20_000 * 16 * 40);
  });
});
