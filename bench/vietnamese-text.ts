// A deterministic Vietnamese administrative text of any length, with e-mail addresses
// scattered through it (see addressRate), some written in hidden forms.
const PHRASES = [
  'Ủy ban nhân dân thành phố', 'yêu cầu Thủ trưởng các sở, ban, ngành', 'triển khai thực hiện nghiêm túc',
  'hệ thống thư điện tử công vụ', 'trong hoạt động của cơ quan nhà nước', 'bảo đảm an toàn, an ninh thông tin',
  'cán bộ, công chức, viên chức và người lao động', 'Sở Thông tin và Truyền thông chủ trì, phối hợp',
  'báo cáo kết quả về Ủy ban nhân dân thành phố trước ngày 30 tháng 6 năm 2025', 'Căn cứ Luật Tổ chức chính quyền địa phương',
  'Điều 7. Quy định về dung lượng và lưu trữ dữ liệu', 'Kính gửi: Chủ tịch UBND các quận, huyện',
  'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc', 'Nơi nhận:', 'Lưu: VT, STTTT (02b).',
  'theo đề nghị của Giám đốc Sở Nội vụ', 'tăng cường ứng dụng công nghệ thông tin', 'điện thoại (0236) 3840125',
  'phòng chống thư rác, mã độc và lừa đảo trực tuyến', 'chịu trách nhiệm thi hành Quyết định này',
];
const ADDRESSES = [
  'stttt@danang.gov.vn', 'vanthu.ubnd@danang.gov.vn', 'nguyenvana@gmail.com', 'lienhe.btc@yahoo.com.vn',
  'hotro [at] gmail [dot] com', 'tranthib(AT)hotmail.com', 'info@congty-abc.com.vn', 'phongkt＠gmail．com',
];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `addressRate`: share of sentences that end with a contact address. 0.01 (one address per
 * ~4 KB) is a contact-rich letter; 0.14 (one per ~300 characters) is a contact directory.
 * `addressAt`: the address for a draw in [0, 1); by default one of a few, hidden forms included.
 */
export const SAMPLE_ADDRESSES: readonly string[] = ADDRESSES;

export function vietnameseText(chars: number, seed = 1, addressRate = 0.01, addressAt: (pick: number) => string = (pick) => ADDRESSES[Math.floor(pick * ADDRESSES.length)]!): { text: string; addresses: number } {
  const next = prng(seed);
  const parts: string[] = [];
  let length = 0;
  let addresses = 0;
  while (length < chars) {
    let sentence = PHRASES[Math.floor(next() * PHRASES.length)]!;
    if (next() < addressRate) {
      sentence += `, liên hệ ${addressAt(next())}`;
      addresses++;
    }
    sentence += next() < 0.2 ? '.\n' : '; ';
    parts.push(sentence);
    length += sentence.length;
  }
  return { text: parts.join('').slice(0, chars), addresses };
}
