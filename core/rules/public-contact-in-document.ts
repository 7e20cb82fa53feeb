// Chỉ thị 06/CT-UBND (Đà Nẵng, 2014), item 1c: documents must not give a public mailbox
// as their contact point, and incoming documents that do must not be processed.
import { addressesFromLinks } from '../address/extract';
import { addressesIn } from './addresses';
import type { ExtractedDocument, RawFinding, SenderHeaders } from '../types';
import { attachedDocuments } from './documents';
import type { Rule, RuleContext } from './rule';
import { cite, DOCS } from './sources';

function publicAddresses(texts: readonly string[], links: readonly string[], ctx: RuleContext): string[] {
  const all = [...texts.flatMap((t) => addressesIn(t, ctx)), ...addressesFromLinks(links, { isKnownDomain: ctx.classifier.isKnownDomain })];
  return [...new Set(all.filter((a) => ctx.classifier.classify(a) === 'public-webmail'))];
}

/**
 * Who a received message is from and where answers go: its contact points. Recipients never
 * are (the reader's own mailbox, a Cc). A draft's sender is the user, and a mail attached to a
 * message was written to someone else (a bounce carries the reader's own mail back), so only
 * the senders of the received message itself count.
 */
function senderLines(msg: SenderHeaders, incoming: boolean): string {
  return incoming ? [msg.from, msg.sender, ...(msg.replyTo ?? [])].filter(Boolean).join('\n') : '';
}

function documentAddresses(doc: ExtractedDocument, ctx: RuleContext): string[] {
  return publicAddresses([doc.text], doc.links, ctx);
}

export const publicContactInDocumentRule: Rule = {
  id: 'public-contact-in-document',
  appliesTo: ['outgoing', 'incoming'],
  sources: {
    default: DOCS.ct34Ttg,
    danang: cite({ vi: 'Mục 1c', en: 'Item 1c' }, DOCS.ct06Danang),
    cantho: cite({ vi: 'Khoản 5 Điều 9', en: 'Art. 9.5' }, DOCS.qd50Cantho),
    quangngai: cite({ vi: 'Mục 1', en: 'Item 1' }, DOCS.cv4504Quangngai),
    binhdinh: cite({ vi: 'Mục 1d', en: 'Item 1d' }, DOCS.ct07Binhdinh),
  },
  check(msg, ctx) {
    const findings: RawFinding[] = [];
    const incoming = msg.direction === 'incoming';
    for (const { name, document } of attachedDocuments(msg)) {
      const addresses = documentAddresses(document, ctx);
      if (addresses.length === 0) continue;
      findings.push({
        rule: 'public-contact-in-document',
        messageKey: incoming ? 'public-contact-in-document.incoming' : 'public-contact-in-document.outgoing',
        params: { file: name, addresses: addresses.join(', ') },
        evidence: { addresses, files: [name] },
        actions: incoming ? ['acknowledge'] : ['acknowledge', 'remove-attachment'],
      });
    }
    // A body written in public webmail is the sender's own business unless it is work,
    // which public-webmail-work already covers; elsewhere the body is a document too.
    if (msg.surface !== 'public-webmail') {
      const addresses = publicAddresses([senderLines(msg, incoming), msg.bodyText], msg.bodyLinks, ctx);
      if (addresses.length > 0) {
        findings.push({
          rule: 'public-contact-in-document',
          messageKey: incoming ? 'public-contact-in-document.incoming-body' : 'public-contact-in-document.body',
          params: { addresses: addresses.join(', ') },
          evidence: { addresses },
          actions: ['acknowledge'],
        });
      }
    }
    return findings;
  },
};
