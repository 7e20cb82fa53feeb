// File names as text a person can read safely. A name is bytes: on Linux it may be TCVN3 or
// CP1258 rather than UTF-8, and it may hold ESC, CR or BS, which a terminal would obey.

const strict = new TextDecoder('utf-8', { fatal: true });

function leadLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** A name's bytes as text: UTF-8 where they are UTF-8, each other byte as `\xNN`. */
export function displayPath(bytes: Uint8Array): { display: string; binary: boolean } {
  try {
    return { display: strict.decode(bytes), binary: false };
  } catch {
    let display = '';
    for (let k = 0; k < bytes.length; ) {
      const n = leadLength(bytes[k]!);
      if (n > 0 && k + n <= bytes.length) {
        try {
          display += strict.decode(bytes.subarray(k, k + n));
          k += n;
          continue;
        } catch {
          // not a whole character: fall through to the byte escape
        }
      }
      display += `\\x${bytes[k]!.toString(16).toUpperCase().padStart(2, '0')}`;
      k += 1;
    }
    return { display, binary: true };
  }
}

const SHORT: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls and DEL (as JSON escapes them, plus the C1 range, where 0x9B is a CSI on
// some terminals), and the invisible text-direction controls that make a name read backwards.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text bound for a terminal, with every control character written as JSON writes it. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
