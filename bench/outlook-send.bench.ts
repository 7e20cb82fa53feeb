// The Outlook send handler (Smart Alerts OnMessageSend) against the fake Office host used by
// the unit tests (answers asynchronously, like Outlook): 50 recipients, with and without
// 20 MB of attachments. The attachments-changed handler reads the files first, as Outlook
// raises it when they are attached; send only decides. Baseline, side by side: a bare handler
// that makes the same recipient and subject calls and completes.
import { resolvePolicy } from '../core/policy';
import { makeHandlers } from '../outlook-addin/launch/handlers';
import { HANDLERS } from '../outlook-addin/handler-names';
import { fakeEvent, installFakeOffice, uninstallFakeOffice, type FakeAttachment } from '../outlook-addin/office/fake-office.test-util';
import { makeDocx } from './make-documents';

const MB = 1024 * 1024;
const recipients = (n: number, domain: string) => Array.from({ length: n }, (_, k) => `nguoi.nhan${k}@${domain}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

export async function runOutlookSendBench(rounds = 5): Promise<void> {
  const hosted = { ...resolvePolicy({ preset: 'danang' }) };
  const a = await makeDocx(12 * MB, 1 * MB);
  const b = await makeDocx(8 * MB - 4096, 512 * 1024);
  const files: FakeAttachment[] = [
    { id: 'att-1', name: 'bao-cao-quy-iv.docx', size: a.length, content: Buffer.from(a).toString('base64'), format: 'base64' },
    { id: 'att-2', name: 'phu-luc.docx', size: b.length, content: Buffer.from(b).toString('base64'), format: 'base64' },
  ];
  const base = { to: recipients(30, 'danang.gov.vn'), cc: recipients(15, 'quangnam.gov.vn'), bcc: recipients(5, 'gmail.com'), subject: 'V/v báo cáo quý IV', body: 'Kính gửi các đồng chí,\nVăn phòng gửi báo cáo quý IV.' };
  const rows: Record<string, number[]> = {
    'bare handler (baseline)': [],
    'send, 50 recipients, no attachments': [],
    'attachments changed: read 20 MB': [],
    'send, 50 recipients + 20 MB (after reading)': [],
    'send, 50 recipients + 20 MB (nothing read before)': [],
  };
  for (let r = 0; r < rounds; r++) {
    installFakeOffice({ ...base });
    rows['bare handler (baseline)']!.push(
      await timed(async () => {
        const item = (globalThis as unknown as { Office: { context: { mailbox: { item: Record<string, { getAsync(cb: (r: unknown) => void): void }> } } } }).Office.context.mailbox.item;
        for (const field of ['to', 'cc', 'bcc', 'subject']) await new Promise((res) => item[field]!.getAsync(res));
        fakeEvent().completed({ allowEvent: true });
      }),
    );
    let h = makeHandlers({ loadPolicy: async () => hosted });
    let e = fakeEvent();
    rows['send, 50 recipients, no attachments']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    uninstallFakeOffice();

    // Fresh attachment ids each round: the handlers cache what they read by id, as in Outlook.
    installFakeOffice({ ...base, attachments: files.map((f) => ({ ...f, id: `${f.id}-${r}` })) });
    h = makeHandlers({ loadPolicy: async () => hosted });
    rows['attachments changed: read 20 MB']!.push(await timed(() => h[HANDLERS.attachmentsChanged](fakeEvent())));
    e = fakeEvent();
    rows['send, 50 recipients + 20 MB (after reading)']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    if (e.completions.length !== 1) throw new Error('the send handler did not complete exactly once');
    uninstallFakeOffice();

    installFakeOffice({ ...base, attachments: files.map((f) => ({ ...f, id: `${f.id}-cold-${r}` })) });
    h = makeHandlers({ loadPolicy: async () => hosted });
    e = fakeEvent();
    rows['send, 50 recipients + 20 MB (nothing read before)']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    uninstallFakeOffice();
  }
  const floor = median(rows['bare handler (baseline)']!);
  console.log(`\nOutlook send handler on the fake Office host (median of ${rounds}; Outlook shows "taking longer" past 5,000 ms)`);
  console.table(Object.entries(rows).map(([what, xs]) => ({ what, 'median ms': median(xs).toFixed(1), 'vs baseline': `${(median(xs) / floor).toFixed(1)}×` })));
}
