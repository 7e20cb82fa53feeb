// What the user reads when the guard stops a file: the same words and size format as the
// attachment-size rule, for one file over the per-file limit or for files over the total.
import { t } from '../../core/messages';
import type { Policy } from '../../core/policy';
import { formatMB, MB } from '../../core/rules/attachment-size';
import type { Lang } from '../../core/types';
import type { FileInfo } from './page-bridge';

export function stoppedNotice(files: readonly FileInfo[], policy: Policy, lang: Lang): string {
  const big = files.find((f) => f.size > policy.attachmentMaxFileMB * MB);
  const detail = big
    ? t(lang, 'attachment-size.file', { file: big.name, size: formatMB(big.size), limit: policy.attachmentMaxFileMB })
    : t(lang, 'attachment-size.total', { count: files.length, size: formatMB(files.reduce((sum, f) => sum + f.size, 0)), limit: policy.attachmentMaxTotalMB });
  return `${t(lang, 'banner.file-stopped')} ${detail}`;
}
