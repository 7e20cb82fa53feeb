// Builders shared by the rule tests: a message as a host would hand it over.
import { makeClassifier } from '../address/classify';
import { emptyMessage } from '../check';
import { PRESETS } from '../policy/presets';
import type { Policy } from '../policy/schema';
import type { AttachmentView, ExtractedDocument, MessageView } from '../types';
import type { RuleContext } from './rule';

export function doc(text: string, extra: Partial<ExtractedDocument> = {}): ExtractedDocument {
  return { text, links: [], legacy: [], parts: [], ...extra };
}

export function attachment(name: string, text = '', size = 1000, extra: Partial<ExtractedDocument> = {}): AttachmentView {
  return { name, size, document: doc(text, extra) };
}

export function draft(fields: Partial<MessageView> = {}): MessageView {
  return { ...emptyMessage('outgoing'), surface: 'public-webmail', ...fields };
}

export function context(policy: Policy = PRESETS.danang): RuleContext {
  return { policy, classifier: makeClassifier(policy) };
}
