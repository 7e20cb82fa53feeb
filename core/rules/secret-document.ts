// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 16.3 and QĐ 50/2009/QĐ-UBND (Cần Thơ), Art. 6:
// secret documents are never sent by e-mail. We look for the secrecy stamp itself (MẬT,
// TỐI MẬT, TUYỆT MẬT standing alone, or "Độ mật: …"), never the word inside running text:
// "mật khẩu", "bảo mật", "bí mật", "MẬT KHẨU" must not fire.
import type { RawFinding } from '../types';
import { attachedDocuments } from './documents';
import type { Rule } from './rule';
import { cite, DOCS } from './sources';
import { KeptReadings } from '../text/kept';

const LEVELS = ['TUYỆT MẬT', 'TỐI MẬT', 'MẬT'] as const;
type Level = (typeof LEVELS)[number];

// A stamp is a line of its own, in capitals, perhaps framed by brackets or asterisks.
export const STAMP_LINE = /^[ \t\u00a0[(«"“*_-]*(TUYỆT MẬT|TỐI MẬT|MẬT)[ \t\u00a0\])»"”*_.!-]*$/u;
// The form field of an electronic document: "Độ mật: Tối mật". Tried only where it can start.
export const FIELD = /(?:^|[^\p{L}])độ\s+mật\s*:\s*(tuyệt\s+mật|tối\s+mật|mật)(?![\p{L}])/iuy;
// A subject that opens with the stamp: "[MẬT] Báo cáo…", "TỐI MẬT - Kế hoạch…".
const SUBJECT = /^\s*[[(]?\s*(TUYỆT MẬT|TỐI MẬT|MẬT)\s*(?:[\])]|\s[-–:]\s|:)/u;

function levelOf(found: string): Level {
  const upper = found.toUpperCase().replace(/\s+/g, ' ');
  return (LEVELS.find((l) => l === upper) ?? 'MẬT') as Level;
}

/**
 * Whether "mật" appears in any case (what /mật/iu finds). A case-insensitive regex tries
 * every position of the text; a search for the middle letter is a fast built-in string
 * search (one per case of it, each a pass over the text), and a body without the word is the
 * common case.
 */
export function mentionsMat(text: string): boolean {
  return matSites(text, true).length > 0;
}

/** Where "mật" starts, in any case, in no particular order; only the first found if `first`. */
function matSites(text: string, first = false): number[] {
  const sites: number[] = [];
  for (const middle of ['ậ', 'Ậ']) {
    for (let i = text.indexOf(middle, 1); i !== -1; i = text.indexOf(middle, i + 1)) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if ((before === 0x6d || before === 0x4d) && (after === 0x74 || after === 0x54)) {
        sites.push(i - 1);
        if (first) return sites;
      }
    }
  }
  return sites;
}

/**
 * The last long texts read (a body, its documents) and their stamps: a draft is checked again
 * whenever anything else about the message changes, and even the search for the word read all of
 * a long body again (~5 ms per 10 M characters of Vietnamese, where "ậ" is common). Shorter texts
 * are read again: cheap.
 */
const kept = new KeptReadings<{ text: string; level: Level | undefined; mentioned: boolean }>();

/** The highest secrecy level stamped in the text, if any. */
export function secrecyStamp(text: string): Level | undefined {
  const same = kept.of(text);
  if (same) return same.level;
  const edited = kept.editedFrom(text);
  // After a keystroke in a long draft that never had the word, only the edit is read: any "mật"
  // the edit touched lies within two units of the edited stretch, the rest stood there before.
  const { head, tail } = edited?.edit ?? { head: 0, tail: 0 };
  const noneNew = edited !== undefined && !edited.reading.mentioned && !mentionsMat(text.slice(Math.max(0, head - 2), Math.min(text.length, text.length - tail + 2)));
  // Found once: the stamp search starts from the same sites.
  const sites = noneNew ? [] : matSites(text);
  const level = sites.length > 0 ? stampIn(text, sites) : undefined;
  kept.keep({ text, level, mentioned: sites.length > 0 }, edited?.reading);
  return level;
}

/** The stamp of the text read whole, nothing kept used: the reference for tests. */
export function stampReadWhole(text: string): Level | undefined {
  const sites = matSites(text);
  return sites.length > 0 ? stampIn(text, sites) : undefined;
}

/** A line's end, as a regex's ^ and $ read lines; a blank, as its \s does. */
const LINE_END = /[\n\r\u2028\u2029]/;
const NEXT_LINE_END = new RegExp(LINE_END.source, 'g');
const BLANK = /\s/;

/**
 * The stamps in the text. Both patterns tried at every position of a long body cost ~35 ms per
 * M characters, paid on every check of a draft that says "bảo mật" or "mật khẩu" anywhere. Every
 * stamp line holds "MẬT" and every form field "độ", blanks, then "mật": only the lines that hold
 * the one are tried, and the field only where "độ" and blanks come before the other (`sites`,
 * every "mật" in the text).
 */
function stampIn(text: string, sites: readonly number[]): Level | undefined {
  const seen = new Set<Level>();
  for (let at = text.indexOf('MẬT'); at !== -1; ) {
    let start = at;
    while (start > 0 && !LINE_END.test(text[start - 1]!)) start--;
    NEXT_LINE_END.lastIndex = at;
    const end = NEXT_LINE_END.exec(text)?.index ?? text.length;
    const m = STAMP_LINE.exec(text.slice(start, end));
    if (m) seen.add(levelOf(m[1]!));
    at = text.indexOf('MẬT', end);
  }
  for (const site of sites) {
    let q = site - 1;
    while (q >= 0 && BLANK.test(text[q]!)) q--;
    if (q === site - 1 || q < 1) continue;
    const d = text.charCodeAt(q - 1);
    const o = text.charCodeAt(q);
    if ((d !== 0x111 && d !== 0x110) || (o !== 0x1ed9 && o !== 0x1ed8)) continue;
    FIELD.lastIndex = Math.max(0, q - 2);
    const m = FIELD.exec(text);
    if (m) seen.add(levelOf(m[1]!));
  }
  return LEVELS.find((l) => seen.has(l));
}

export const secretDocumentRule: Rule = {
  id: 'secret-document',
  appliesTo: ['outgoing'],
  sources: {
    default: { vi: 'Luật Bảo vệ bí mật nhà nước số 29/2018/QH14', en: 'Law on Protection of State Secrets No. 29/2018/QH14' },
    danang: cite({ vi: 'Khoản 3 Điều 16', en: 'Art. 16.3' }, DOCS.qc3712Danang),
    cantho: cite({ vi: 'Điều 6', en: 'Art. 6' }, DOCS.qd50Cantho),
  },
  check(msg) {
    const findings: RawFinding[] = [];
    for (const { name, document } of attachedDocuments(msg)) {
      const level = secrecyStamp(document.text);
      if (!level) continue;
      findings.push({
        rule: 'secret-document',
        messageKey: 'secret-document.attachment',
        params: { file: name, level },
        evidence: { files: [name], quotes: [level] },
        actions: ['remove-attachment'],
      });
    }
    const subjectStamp = SUBJECT.exec(msg.subject)?.[1];
    const level = subjectStamp ? levelOf(subjectStamp) : secrecyStamp(msg.bodyText);
    if (level) {
      findings.push({
        rule: 'secret-document',
        messageKey: 'secret-document.message',
        params: { level },
        evidence: { quotes: [level] },
        actions: [],
      });
    }
    return findings;
  },
};
