// The check both panes run on opening and on "Kiểm tra lại": find the item, check it, keep
// only the newest run's answer, and speak the policy's language once it is known.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t, type Lang } from '../../core';
import type { HostedPolicy } from '../policy/hosted-policy';
import { reasonText } from './common';

export function usePaneCheck<I, R extends { hosted: HostedPolicy }>(item: () => I | undefined, check: (item: I) => Promise<R>) {
  const seq = useRef(0);
  const langRef = useRef<Lang>('vi');
  const [lang, setLang] = useState<Lang>('vi');
  const [report, setReport] = useState<R>();
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string>();

  const run = useCallback(async (): Promise<R | undefined> => {
    const n = ++seq.current;
    setBusy(true);
    setError(undefined);
    try {
      const open = item();
      if (!open) {
        setError(t(langRef.current, 'addin.pane.no-item'));
        return undefined;
      }
      const next = await check(open);
      if (n !== seq.current) return undefined;
      langRef.current = next.hosted.policy.language;
      setLang(langRef.current);
      setReport(next);
      return next;
    } catch (err) {
      if (n === seq.current) setError(t(langRef.current, 'addin.pane.failed', { reason: reasonText(err, langRef.current) }));
      return undefined;
    } finally {
      if (n === seq.current) setBusy(false);
    }
  }, [item, check]);

  useEffect(() => {
    void run();
  }, [run]);

  return { lang, langRef, report, busy, error, run };
}
