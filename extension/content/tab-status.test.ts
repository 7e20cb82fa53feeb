// A tab reports its status to the background only when it changes (issue 11).
import { describe, expect, it } from 'vitest';
import type { TabStatus } from '../host/messages';
import { changedStatusReporter } from './tab-status';

const gmail = (composes: number, findings: number): TabStatus => ({ site: 'gmail', composes, findings });

describe('tab status reporter', () => {
  it('sends a status once however often the same one is reported, and each change', async () => {
    const sent: TabStatus[] = [];
    const report = changedStatusReporter(async (s) => void sent.push(s));
    for (let k = 0; k < 20; k++) report(gmail(1, 0));
    report(gmail(1, 2));
    report(gmail(1, 2));
    report(gmail(1, 0));
    report({ site: 'yahoo', composes: 1, findings: 0 });
    expect(sent).toEqual([gmail(1, 0), gmail(1, 2), gmail(1, 0), { site: 'yahoo', composes: 1, findings: 0 }]);
  });

  it('sends the same status again after a send failed (the background was not there)', async () => {
    const sent: TabStatus[] = [];
    let fail = true;
    const report = changedStatusReporter(async (s) => {
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(s);
    });
    report(gmail(2, 1));
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    report(gmail(2, 1));
    report(gmail(2, 1));
    expect(sent).toEqual([gmail(2, 1)]);
  });
});
