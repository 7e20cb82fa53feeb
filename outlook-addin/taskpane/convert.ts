// One-click Unicode conversion of legacy TCVN3/VNI text in a draft. In HTML only the text between
// tags changes: tags, attributes, comments (Outlook's conditional comments), <style> and <script>
// are kept byte for byte, so formatting, signatures and images stay as they were. Each text
// segment is decoded (entities), converted by the core's detector, and written back escaped only
// when a legacy run was found in it; everything else is left untouched.
import { convertLegacyText, hasLegacyText } from '../../core/encoding';
import type { LegacyRun } from '../../core';

export interface Converted {
  text: string;
  runs: LegacyRun[];
}

/** Plain text: the core's conversion as is. */
export function convertText(text: string): Converted {
  if (!hasLegacyText(text)) return { text, runs: [] };
  return convertLegacyText(text);
}

const RAW_TEXT = /^<(script|style|textarea|title|xmp)\b/i;

/** Decode character references in a segment with no tags in it. */
function decodeEntities(segment: string): string {
  if (!segment.includes('&')) return segment;
  if (typeof DOMParser === 'function') {
    // A segment holds no '<' (it lies between tags), so the parser sees text only.
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${segment}`, 'text/html');
    return doc.body?.textContent ?? segment;
  }
  return segment.replace(/&(#x[0-9a-f]+|#\d+|nbsp|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    return ({ nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[r] ?? whole;
  });
}

function encodeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

/** Where the markup starting at `at` ('<') ends (index after it). */
function markupEnd(html: string, at: number): number {
  if (html.startsWith('<!--', at)) {
    const end = html.indexOf('-->', at + 4);
    return end < 0 ? html.length : end + 3;
  }
  let quote = '';
  for (let k = at + 1; k < html.length; k++) {
    const c = html[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // Quotes matter inside a tag only (after its name); `<!doctype …>` and `<?…>` have none that matter.
      if (html[at + 1] !== '!' && html[at + 1] !== '?') quote = c;
    } else if (c === '>') return k + 1;
  }
  return html.length;
}

/** Convert legacy runs in the text of an HTML body. */
export function convertHtml(html: string): Converted {
  if (!hasLegacyText(decodeEntities(html.replace(/<[^>]*>/g, ' ')))) return { text: html, runs: [] };
  const out: string[] = [];
  const runs: LegacyRun[] = [];
  let k = 0;
  while (k < html.length) {
    const lt = html.indexOf('<', k);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > k) {
      const segment = html.slice(k, textEnd);
      const converted = convertText(decodeEntities(segment));
      if (converted.runs.length > 0) {
        out.push(encodeText(converted.text));
        runs.push(...converted.runs);
      } else out.push(segment);
    }
    if (lt < 0) break;
    // `<` not starting markup ("a < b" in sloppy HTML) is text.
    if (!/^<[a-zA-Z!/?]/.test(html.slice(lt, lt + 2))) {
      out.push('<');
      k = lt + 1;
      continue;
    }
    let end = markupEnd(html, lt);
    const raw = RAW_TEXT.exec(html.slice(lt, end));
    if (raw) {
      const close = html.toLowerCase().indexOf(`</${raw[1]!.toLowerCase()}`, end);
      end = close < 0 ? html.length : markupEnd(html, close);
    }
    out.push(html.slice(lt, end));
    k = end;
  }
  return { text: runs.length > 0 ? out.join('') : html, runs };
}
