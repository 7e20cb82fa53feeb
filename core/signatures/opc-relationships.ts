// OPC's Relationship Transform (ECMA-376 Part 2 §13.2.4.24): a .rels part is signed as the
// relationships the transform selects (by Id or by Type), each with TargetMode made explicit,
// ordered by Id; the C14N transform that follows canonicalises that output. No XML-DSig library
// knows this transform, so it is applied here on the DOM before the library's C14N.
import { Parse, Stringify } from 'xml-core';

export const RELATIONSHIP_TRANSFORM = 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The transform's selection, read from its RelationshipReference and RelationshipsGroupReference children. */
function selection(transform: Element): { ids: Set<string>; types: Set<string> } {
  const ids = new Set<string>();
  const types = new Set<string>();
  for (let n = transform.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'RelationshipReference') ids.add(el.getAttribute('SourceId') ?? '');
    else if (el.localName === 'RelationshipsGroupReference') types.add(el.getAttribute('SourceType') ?? '');
  }
  return { ids, types };
}

/** The transformed .rels document as text, ready for C14N. */
export function relationshipTransformOutput(relsText: string, transform: Element): string {
  const { ids, types } = selection(transform);
  const doc = Parse(relsText);
  const root = doc.documentElement;
  const kept: Element[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.namespaceURI !== RELS || el.localName !== 'Relationship') continue;
    if (!ids.has(el.getAttribute('Id') ?? '') && !types.has(el.getAttribute('Type') ?? '')) continue;
    if (!el.hasAttribute('TargetMode')) el.setAttribute('TargetMode', 'Internal');
    kept.push(el);
  }
  while (root.firstChild) root.removeChild(root.firstChild);
  kept.sort((a, b) => ((a.getAttribute('Id') ?? '') < (b.getAttribute('Id') ?? '') ? -1 : 1)).forEach((el) => root.appendChild(el));
  return Stringify(doc);
}
