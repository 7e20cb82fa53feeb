// Chỉ thị 06/CT-UBND (Đà Nẵng, 2014), items 1b and 2a: official work never goes through
// public webmail. Also CV 4504/UBND-CBTH (Quảng Ngãi, 2018) item 1, QĐ 50/2009 (Cần Thơ)
// Art. 9.5, CT 07/CT-CTUBND (Bình Định, 2012) item 1e.
//
// The rule only speaks when a draft written in public webmail looks like work. Each sign
// has a weight; a strong sign alone, or two weaker ones together, is enough. Personal mail
// (a "Kính gửi" to a friend) stays untouched.
import type { MessageView } from '../types';
import { fold } from '../text/fold';
import type { Rule, RuleContext } from './rule';
import { cite, DOCS } from './sources';

export type WorkMarker =
  | 'official-recipient'
  | 'document-number'
  | 'national-motto'
  | 'subject-line'
  | 'salutation'
  | 'distribution-list'
  | 'authority-name'
  | 'official-attachment';

const WEIGHT: Record<WorkMarker, number> = {
  'official-recipient': 3,
  'document-number': 3,
  'national-motto': 3,
  'subject-line': 2,
  'distribution-list': 2,
  'official-attachment': 2,
  salutation: 1,
  'authority-name': 1,
};
const THRESHOLD = 3;

// All patterns run on folded text (lower case, no diacritics), so "Số:", "SỐ", "So:" match alike.
// No two adjacent parts of a pattern may match the same run of blanks: "\s*:?\s*" after "so",
// and "\s*" after each of 20 000 line breaks, cost a second of backtracking on a crafted text
// (the CLI's main thread cannot be stopped inside one call). Each now reads the same texts.
const TEXT_MARKERS: Array<[WorkMarker, RegExp]> = [
  // "Số: 12/QĐ-UBND", "Số: 50/2009/QĐ-UBND", "Số: 4504/UBND-CBTH"
  ['document-number', /\bso\s*(?::\s*)?\d{1,6}\s*\/\s*(?:\d{4}\s*\/\s*)?[a-z]{1,10}(?:\s*-\s*[a-z0-9]{1,12})+/],
  ['national-motto', /cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc/],
  // "V/v: tăng cường…" — the subject line of an administrative letter
  ['subject-line', /(?:^|[^a-z])v\/v\b/],
  ['distribution-list', /(?:^|\n)[^\S\n]*noi nhan\s*:/],
  ['salutation', /(?:^|[^a-z])kinh gui\s*:?/],
  ['authority-name', /\b(?:uy ban nhan dan|ubnd|hdnd|so [a-z]+ (?:va|-) [a-z]+|van phong ubnd)\b/],
];

// File names of administrative documents: "12-QD-UBND.pdf", "CV 123 UBND.docx", "To trinh.docx".
const ATTACHMENT_NAME = [
  /\d+\s*[-_. ]\s*(?:\d{4}\s*[-_. ]\s*)?(?:qd|cv|ttr|tb|kh|bc|ct|nq|gm|ubnd|tt|nd|hd)\b/,
  /\b(?:quyet dinh|cong van|to trinh|thong bao|ke hoach|bao cao|giay moi|chi thi|nghi quyet|van ban|bien ban|du thao)\b/,
];

/**
 * unsigned-document: the markers of an administrative document found in its opening text (the
 * same patterns the work check uses), for rules that ask whether a file is an official document.
 */
export function documentMarkers(text: string): WorkMarker[] {
  const head = fold(text.slice(0, 20_000));
  return TEXT_MARKERS.filter(([, re]) => re.test(head)).map(([marker]) => marker);
}

function isOfficialLooking(address: string, ctx: RuleContext): boolean {
  return ctx.classifier.classify(address) === 'official' || /\.gov\.vn$/i.test(address);
}

export function workMarkers(msg: MessageView, ctx: RuleContext): { markers: WorkMarker[]; officialRecipients: string[] } {
  const markers = new Set<WorkMarker>();
  const officialRecipients = [...msg.to, ...msg.cc, ...msg.bcc].filter((a) => isOfficialLooking(a, ctx));
  if (officialRecipients.length > 0) markers.add('official-recipient');
  // Markers sit near the top of a letter; a long thread's quoted tail adds nothing but time.
  const text = fold(`${msg.subject}\n${msg.bodyText.slice(0, 20_000)}`);
  for (const [marker, re] of TEXT_MARKERS) if (re.test(text)) markers.add(marker);
  for (const a of msg.attachments) {
    const name = fold(a.name);
    if (ATTACHMENT_NAME.some((re) => re.test(name))) markers.add('official-attachment');
    const head = a.document ? fold(a.document.text.slice(0, 4000)) : '';
    if (/cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc/.test(head)) markers.add('official-attachment');
  }
  return { markers: [...markers], officialRecipients };
}

export const publicWebmailWorkRule: Rule = {
  id: 'public-webmail-work',
  appliesTo: ['outgoing'],
  sources: {
    default: DOCS.ct34Ttg,
    danang: cite({ vi: 'Mục 1b và 2a', en: 'Items 1b and 2a' }, DOCS.ct06Danang),
    cantho: cite({ vi: 'Khoản 5 Điều 9', en: 'Art. 9.5' }, DOCS.qd50Cantho),
    quangngai: cite({ vi: 'Mục 1', en: 'Item 1' }, DOCS.cv4504Quangngai),
    binhdinh: cite({ vi: 'Mục 1e', en: 'Item 1e' }, DOCS.ct07Binhdinh),
  },
  check(msg, ctx) {
    if (msg.surface !== 'public-webmail') return [];
    const { markers, officialRecipients } = workMarkers(msg, ctx);
    const score = markers.reduce((sum, m) => sum + WEIGHT[m], 0);
    if (score < THRESHOLD) return [];
    return [
      {
        rule: 'public-webmail-work',
        messageKey: 'public-webmail-work.detected',
        params: {},
        evidence: { markers, addresses: officialRecipients.length ? officialRecipients : undefined },
        actions: ctx.policy.officialWebmailUrl ? ['open-official-webmail', 'acknowledge', 'not-work'] : ['acknowledge', 'not-work'],
      },
    ];
  },
};
