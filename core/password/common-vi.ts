// Passwords Vietnamese users are known to pick, shipped with the extension (never fetched):
// the words people use ("mật khẩu", "anh yêu em", the country's name) and the patterns IT
// desks see when staff meet a complexity rule with the least effort. zxcvbn's own list of
// 30 000 common passwords (core/password/strength.ts) covers the international ones.
export const COMMON_VI_PASSWORDS: readonly string[] = [
  'matkhau',
  'matkhaumoi',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  'congvu',
  'thudientu',
  'hopthu',
  'password',
  'passw0rd',
  'iloveyou',
  'admin',
  'abc123',
  'abcabc',
  'welcome',
  'changeme',
  'doimatkhau',
  'khongbiet',
  'tinhyeu',
  'hanhphuc',
  'baomat',
];
