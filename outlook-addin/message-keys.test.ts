// launchevent.js keeps the messages its code can name; a key reached only through a prefix
// completed at run time must survive, and words only other hosts show must not travel.
import { describe, expect, it } from 'vitest';
import { messageKeysUsed } from './message-keys';

describe('messageKeysUsed', () => {
  const keys = ['rule.secret-document', 'rule.attachment-size', 'policy.risk.too-long', 'addin.send.unchecked', 'popup.title', 'marker.cong-van'];

  it('keeps keys spelled out and keys under a prefix the code completes', () => {
    const code = 'var a=t(l,"addin.send.unchecked"),b=t(l,`rule.${f.rule}`),c=t(l,"policy.risk."+r),d=["marker."].map(String);';
    expect([...messageKeysUsed(code, keys)].sort()).toEqual(['addin.send.unchecked', 'marker.cong-van', 'policy.risk.too-long', 'rule.attachment-size', 'rule.secret-document']);
  });

  it('drops what the code never names, and a key only inside a comment or a longer string', () => {
    const code = '/* popup.title */ var a="see popup.title here",b="rule";';
    expect([...messageKeysUsed(code, keys)]).toEqual([]);
  });
});
