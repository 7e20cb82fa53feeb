// Decodes a part's inflated chunks into text. A streaming TextDecoder is exact across chunk
// boundaries, but in Node it then leaves its fast path: the 100,000-row bench sheet (29 MB of
// ASCII) took ~20 ms to decode that way and ~5 ms in one-shot calls. A one-shot call gives the
// same text as the stream whenever nothing is pending from the chunk before and nothing is cut
// at the chunk's end, which holds when both end with an ASCII byte. Text that is not ASCII
// (Vietnamese shared strings) decodes faster through the stream, so the one-shot call is used
// only after a chunk that was ASCII throughout.
import { xmlCharset } from './zip';

/** Call with each chunk in turn for its text, then with none for what the stream still holds. */
export function chunkDecoder(): (chunk?: Uint8Array) => string {
  let stream: TextDecoder | undefined;
  /** UTF-8, keeping a U+FEFF: only the stream, which reads the first chunk, drops a leading byte-order mark. */
  let whole: TextDecoder | undefined;
  /** The chunk before was ASCII throughout and ended with an ASCII byte. */
  let ascii = false;
  return (chunk) => {
    if (!chunk) return stream?.decode() ?? '';
    const last = chunk[chunk.length - 1]! < 0x80;
    let text: string;
    if (!stream) {
      const charset = xmlCharset(chunk);
      stream = new TextDecoder(charset);
      if (charset === 'utf-8') whole = new TextDecoder('utf-8', { ignoreBOM: true });
      text = stream.decode(chunk, { stream: true });
    } else text = whole && ascii && last ? whole.decode(chunk) : stream.decode(chunk, { stream: true });
    ascii = last && text.length === chunk.length;
    return text;
  };
}
