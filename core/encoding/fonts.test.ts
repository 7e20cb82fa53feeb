import { describe, expect, it } from 'vitest';
import { fontEncoding } from './index';

describe('fontEncoding', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', capitals: false }],
    ['.VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArial', { encoding: 'tcvn3', capitals: false }],
    ['.VnArialH', { encoding: 'tcvn3', capitals: true }],
    ['.VnCentury Schoolbook', { encoding: 'tcvn3', capitals: false }],
    ['.VnCentury SchoolbookH', { encoding: 'tcvn3', capitals: true }],
    ['  .vntimeh ', { encoding: 'tcvn3', capitals: true }],
    ['ABCDEF+.VnTime,Bold', { encoding: 'tcvn3', capitals: false }],
    ['VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['VNI-Times', { encoding: 'vni', capitals: false }],
    ['VNI-Helve', { encoding: 'vni', capitals: false }],
    [' vni-times ', { encoding: 'vni', capitals: false }],
  ] as const)('%s', (font, expected) => {
    expect(fontEncoding(font)).toEqual(expected);
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'Cambria Math', '', 'VNI', 'Verdana'])('%s is Unicode', (font) => {
    expect(fontEncoding(font)).toBeUndefined();
  });
});
