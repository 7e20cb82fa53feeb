// Outlook on the web adapter (official webmail, issue 12). Markup is in ./selectors.ts.
import { makeOfficialAdapter } from '../official-adapter.js';
import { ADDIN_FRAME, OWA } from './selectors.js';

export const owaAdapter = makeOfficialAdapter('owa', OWA);

/**
 * Whether Công Vụ Guard's Outlook add-in is active in this page. Where it is, it checks the draft
 * at Send and flags received mail itself, so the extension shows no second banner. Outlook on
 * the web does not always activate an installed add-in (OfficeDev/office-js#6953: no add-in
 * frame at all until a reload); the extension then keeps checking, which a fixed policy switch
 * could not do.
 */
export function addinActive(doc: Document): boolean {
  return doc.querySelector(ADDIN_FRAME) !== null;
}
