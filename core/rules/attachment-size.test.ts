import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { attachmentSizeRule as rule, MB } from './attachment-size';
import { attachment, context, draft } from './test-helpers';

describe('attachment-size', () => {
  it('stops a file over the Đà Nẵng 20 MB limit and says what to do', () => {
    const [f, ...rest] = rule.check(draft({ attachments: [attachment('video.mp4', '', 25 * MB), attachment('small.pdf', '', MB)] }), context());
    expect(rest).toEqual([]);
    expect(f?.params).toEqual({ file: 'video.mp4', size: '25', limit: 20 });
    expect(f?.actions).toContain('share-as-link');
  });

  it('allows a file of exactly the limit', () => {
    expect(rule.check(draft({ attachments: [attachment('a.pdf', '', 20 * MB)] }), context())).toEqual([]);
  });

  it('checks the total of several files against the total limit', () => {
    const policy = { ...PRESETS.danang, attachmentMaxFileMB: 20, attachmentMaxTotalMB: 25 };
    const files = [attachment('a.pdf', '', 15 * MB), attachment('b.pdf', '', 15 * MB)];
    const [f] = rule.check(draft({ attachments: files }), context(policy));
    expect(f?.messageKey).toBe('attachment-size.total');
    expect(f?.params).toMatchObject({ size: '30', limit: 25, count: 2 });
  });

  it('follows the limit the policy sets', () => {
    const policy = { ...PRESETS.danang, attachmentMaxFileMB: 5, attachmentMaxTotalMB: 5 };
    expect(rule.check(draft({ attachments: [attachment('a.pdf', '', 6 * MB)] }), context(policy))).toHaveLength(1);
  });
});
