// Official webmail (issue 12): a compose on the official system. Its draft is official mail
// (public-webmail-work does not apply, the body is a document like any attachment), and it
// offers the one-click conversion of legacy text, written back into the product's own subject
// and editor.
import { convertLegacyText, hasLegacyText } from '../../../core/encoding';
import { t } from '../../../core/messages';
import type { ActionId, MessageView } from '../../../core/types';
import type { BannerItem } from '../../ui/banner';
import { ComposeSession, OFFERED } from '../compose-session';

const OFFICIAL_OFFERED: ReadonlySet<ActionId> = new Set([...OFFERED, 'convert-to-unicode']);

export class OfficialComposeSession extends ComposeSession {
  protected override readonly offered = OFFICIAL_OFFERED;

  protected override message(): MessageView {
    return { ...super.message(), surface: 'official' };
  }

  protected override onAction(item: BannerItem, action: ActionId): void {
    if (action !== 'convert-to-unicode') return super.onAction(item, action);
    let converted = 0;
    try {
      converted = this.handle.convertLegacyText?.({ hasLegacyText, convertLegacyText }) ?? 0;
    } catch (e) {
      console.warn('congvu-guard: could not convert the text to Unicode:', e);
    }
    this.notice = t(this.env.lang(), converted > 0 ? 'official.convert.done' : 'official.convert.failed');
    this.refresh();
  }
}
