// A realistic directory for tests and the bench: Vietnamese names drawn by the frequencies of
// family names (Nguyễn about 38%, Trần 11%, Lê 9.5% …), middle and given names, official
// addresses made as Art. 3 of QĐ 3712 prescribes (<given><family initial><middle initials>,
// a number after repeats: dungnv, dungnv1), and a few personal addresses. Deterministic.
import type { DirectoryEntry } from './types';

const FAMILY: Array<[string, number]> = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 30], ['Huỳnh', 21], ['Phan', 45], ['Vũ', 20], ['Võ', 19],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 6], ['Trương', 6], ['Lương', 4], ['Mai', 3],
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Thu', 'Hoàng', 'Công', 'Kim', 'Anh', 'Bảo', 'Đình', 'Mạnh', 'Thế', 'Như', 'Phương'];
const GIVEN = [
  'Anh', 'Ánh', 'Hùng', 'Dũng', 'Hà', 'Hương', 'Lan', 'Linh', 'Nam', 'Sơn', 'Tuấn', 'Trang', 'Phương', 'Hải', 'Long', 'Bình', 'Châu', 'Thảo', 'Hằng', 'Nga',
  'Hoa', 'Hạnh', 'Huy', 'Khánh', 'Lâm', 'Lộc', 'Mai', 'My', 'Nhung', 'Oanh', 'Phúc', 'Quân', 'Quyên', 'Tâm', 'Thắng', 'Thủy', 'Trung', 'Tú', 'Vân', 'Yến',
  'Đạt', 'Đông', 'Giang', 'Hiếu', 'Hòa', 'Khoa', 'Kiên', 'Loan', 'Ngân', 'Nhi', 'Phong', 'Quỳnh', 'Tài', 'Thành', 'Thịnh', 'Tiến', 'Toàn', 'Uyên', 'Việt', 'Xuân',
];
const UNITS = [
  'Văn phòng UBND thành phố', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Thông tin và Truyền thông', 'Sở Y tế', 'Sở Giáo dục và Đào tạo',
  'Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương', 'UBND quận Hải Châu', 'UBND quận Thanh Khê', 'UBND quận Sơn Trà', 'UBND quận Ngũ Hành Sơn',
  'UBND quận Liên Chiểu', 'UBND quận Cẩm Lệ', 'UBND huyện Hòa Vang', 'UBND phường Thạch Thang', 'UBND phường Hòa Cường Bắc', 'Thanh tra thành phố',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

export function sampleDirectory(count: number, opts: { domain?: string; personalShare?: number; seed?: number } = {}): DirectoryEntry[] {
  const random = rng(opts.seed ?? 6909);
  const domain = opts.domain ?? 'danang.gov.vn';
  const total = FAMILY.reduce((n, [, w]) => n + w, 0);
  const pickFamily = () => {
    let r = random() * total;
    for (const [f, w] of FAMILY) if ((r -= w) < 0) return f;
    return FAMILY[0]![0];
  };
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const used = new Map<string, number>();
  const out: DirectoryEntry[] = [];
  for (let k = 0; k < count; k++) {
    const family = pickFamily();
    const middles = random() < 0.25 ? [pick(MIDDLE), pick(MIDDLE)] : [pick(MIDDLE)];
    const given = pick(GIVEN);
    const name = [family, ...middles, given].join(' ');
    const base = plain(given) + plain(family)[0] + middles.map((m) => plain(m)[0]).join('');
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    const official = `${base}${n === 0 ? '' : n}@${domain}`;
    const personal = random() < (opts.personalShare ?? 0.05) ? [`${plain(given)}.${plain(family)}${k}@gmail.com`] : [];
    out.push({ name, unit: pick(UNITS), official, personal });
  }
  return out;
}
