// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng, 2017) Art. 3: every civil servant has an official
// mailbox of a set form; CT 07/CT-CTUBND (Bình Định, 2012) item 1d: each agency publishes the
// list of its official addresses. With that list (IT's directory, looked up through the host),
// a draft to a colleague's public address, or a document giving one as a contact point, gets
// the colleague's official address as a suggestion. Nothing is looked up outside the host.
import { addressesFromLinks } from '../address/extract';
import type { DirectoryLookup, DirectoryMatch } from '../directory/types';
import type { MessageView, RawFinding } from '../types';
import { addressesIn } from './addresses';
import { attachedDocuments } from './documents';
import type { Rule, RuleContext } from './rule';
import { cite, DOCS } from './sources';

const FIELDS = ['to', 'cc', 'bcc'] as const;

/**
 * The listed person behind a recipient. A listed address is certain; a display name is tried only
 * for public-webmail addresses (a colleague's gmail shown as "Nguyễn Văn Ánh"), and the lookup
 * answers only for a name that singles out one person (directory/lookup.ts says why).
 */
function recipientMatch(address: string, msg: MessageView, ctx: RuleContext, dir: DirectoryLookup): DirectoryMatch | undefined {
  const listed = dir.byAddress(address);
  if (listed) return listed;
  const name = msg.recipientNames?.[address];
  if (!name || ctx.classifier.classify(address) !== 'public-webmail') return undefined;
  return dir.byName(name);
}

function recipientFindings(msg: MessageView, ctx: RuleContext, dir: DirectoryLookup): RawFinding[] {
  const out: RawFinding[] = [];
  for (const field of FIELDS) {
    for (const address of msg[field]) {
      if (ctx.classifier.classify(address) === 'official') continue;
      const m = recipientMatch(address, msg, ctx, dir);
      if (!m || m.official === address) continue;
      out.push({
        rule: 'official-directory',
        messageKey: m.via === 'address' ? 'official-directory.recipient' : 'official-directory.recipient-by-name',
        params: { name: m.name, unit: m.unit, official: m.official, address },
        evidence: { addresses: [address], replacement: { field, from: address, to: m.official } },
        actions: ['use-official-address', 'acknowledge'],
      });
    }
  }
  return out;
}

function contactFindings(texts: string[], links: string[], file: string | undefined, ctx: RuleContext, dir: DirectoryLookup, seen: Set<string>): RawFinding[] {
  const fromLinks = addressesFromLinks(links, { isKnownDomain: ctx.classifier.isKnownDomain });
  // One text's addresses come each once already.
  const found = texts.length === 1 && fromLinks.length === 0 ? addressesIn(texts[0]!, ctx) : new Set([...texts.flatMap((t) => addressesIn(t, ctx)), ...fromLinks]);
  const out: RawFinding[] = [];
  for (const address of found) {
    if (ctx.classifier.classify(address) === 'official') continue;
    const m = dir.byAddress(address);
    const key = `${file ?? ''}|${address}`;
    if (!m || seen.has(key)) continue;
    seen.add(key);
    out.push({
      rule: 'official-directory',
      messageKey: file === undefined ? 'official-directory.body' : 'official-directory.document',
      params: { name: m.name, unit: m.unit, official: m.official, address, ...(file !== undefined && { file }) },
      evidence: { addresses: [address], ...(file !== undefined && { files: [file] }) },
      actions: ['acknowledge'],
    });
  }
  return out;
}

export const officialDirectoryRule: Rule = {
  id: 'official-directory',
  appliesTo: ['outgoing'],
  sources: {
    default: DOCS.ct34Ttg,
    danang: cite({ vi: 'Điều 3', en: 'Art. 3' }, DOCS.qc3712Danang),
    binhdinh: cite({ vi: 'Mục 1d', en: 'Item 1d' }, DOCS.ct07Binhdinh),
  },
  check(msg, ctx) {
    const dir = ctx.directory;
    if (!dir) return [];
    const seen = new Set<string>();
    const findings = recipientFindings(msg, ctx, dir);
    for (const { name, document } of attachedDocuments(msg)) findings.push(...contactFindings([document.text], document.links, name, ctx, dir, seen));
    findings.push(...contactFindings([msg.bodyText], msg.bodyLinks, undefined, ctx, dir, seen));
    return findings;
  },
};
