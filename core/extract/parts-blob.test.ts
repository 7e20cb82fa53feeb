import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartsBlob } from './parts-blob';

const ROOT = join(__dirname, '../..');

describe('PartsBlob', () => {
  it('joins views by their own window, buffers whole and strings as UTF-8, as Blob does', async () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const parts = [backing.subarray(2, 5), '\n', new Uint8Array([4, 5]).buffer, 'Độ mật', new DataView(backing.buffer, 0, 1)];
    const ours = new PartsBlob(parts, { type: 'Application/Octet-Stream' });
    const real = new Blob(parts, { type: 'Application/Octet-Stream' });
    expect(new Uint8Array(await ours.arrayBuffer())).toEqual(new Uint8Array(await real.arrayBuffer()));
    expect([ours.size, ours.type]).toEqual([real.size, real.type]);
  });

  it('holds the bytes a real Blob holds for any parts: ASCII and other strings (lone surrogates too), views into larger buffers, whole buffers', async () => {
    const part = fc.oneof(
      fc.constantFrom('\n', '', 'abc'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('\ud800', '\udc00x', 'Độ mật', '\u0080'),
      fc.uint8Array({ maxLength: 12 }).chain((b) => fc.tuple(fc.constant(b), fc.nat(b.length), fc.nat(b.length))).map(([b, s, e]) => b.subarray(Math.min(s, e), Math.max(s, e))),
      fc.uint8Array({ maxLength: 12 }).map((b) => b.buffer),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 20 }), async (parts) => {
        const ours = new PartsBlob(parts);
        const real = new Blob(parts);
        expect(ours.size).toBe(real.size);
        expect(new Uint8Array(await ours.arrayBuffer())).toEqual(new Uint8Array(await real.arrayBuffer()));
      }),
      { numRuns: 400 },
    );
  });

  it('takes a type, a number and another blob among its parts as a real Blob does', async () => {
    const inner = new PartsBlob(['abc']);
    const ours = new PartsBlob([123 as unknown as string, 'x', inner], { type: 'A/İ' });
    const real = new Blob([123 as unknown as string, 'x', new Blob(['abc'])], { type: 'A/İ' });
    expect(new Uint8Array(await ours.arrayBuffer())).toEqual(new Uint8Array(await real.arrayBuffer()));
    expect(ours.type).toBe(real.type);
    for (const type of ['Text/HTML', 'application/octet-stream', 'a b\u007f', '\u00e9/x']) expect(new PartsBlob([], { type }).type).toBe(new Blob([], { type }).type);
  });

  it('gives a buffer of its own: reading it twice, or changing what was read, leaves the next read whole', async () => {
    const blob = new PartsBlob(['abc']);
    new Uint8Array(await blob.arrayBuffer()).fill(0);
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('abc');
  });
});

describe('postal-mime with PartsBlob as its Blob', () => {
  afterEach(() => vi.unstubAllGlobals());

  // What each decoder gathers (8-bit lines, base64, quoted-printable, nested messages) comes back
  // through the Blob: a real, much-nested message must parse the same with either.
  it.each(['mimetorture.eml', 'postal-mime-bounce.eml', 'mailparser-spam.eml'])('parses %s from a public corpus exactly as with the real Blob', async (name) => {
    const bytes = readFileSync(join(ROOT, 'test/fixtures/third-party', name));
    const parse = () => PostalMime.parse(new Uint8Array(bytes), { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
    const seen = (email: Awaited<ReturnType<typeof parse>>) => ({ ...email, attachments: email.attachments.map((a) => ({ ...a, content: [...new Uint8Array(a.content as ArrayBuffer)] })) });
    const real = seen(await parse());
    vi.stubGlobal('Blob', PartsBlob);
    const ours = seen(await parse());
    expect(`${ours.text ?? ''}${ours.html ?? ''}`).not.toBe('');
    expect(ours).toEqual(real);
  });
});
