// Vietnamese messages, the default. Same keys as en.ts, checked by the type below.
// Address the reader as "anh/chị"; suggest, never scold.
import type { MessageKey } from './en';

export const vi: Record<MessageKey, string> = {
  'public-webmail-work.detected':
    'Thư này có vẻ là thư công vụ ({markers}). Thư công vụ cần được gửi từ hộp thư công vụ, không dùng hộp thư công cộng. Anh/chị vui lòng soạn và gửi thư này từ hộp thư công vụ.',
  'public-contact-in-document.outgoing':
    'Tệp “{file}” ghi địa chỉ thư công cộng ({addresses}) làm đầu mối liên hệ. Văn bản công vụ chỉ nên ghi địa chỉ thư công vụ; anh/chị vui lòng sửa lại trước khi gửi.',
  'public-contact-in-document.incoming':
    'Văn bản “{file}” dùng địa chỉ thư công cộng ({addresses}) làm đầu mối liên hệ. Theo quy định, văn bản như vậy không được tiếp nhận xử lý; anh/chị có thể đề nghị nơi gửi gửi lại bản chính thức.',
  'public-contact-in-document.body':
    'Thư này ghi địa chỉ thư công cộng ({addresses}) làm đầu mối liên hệ. Anh/chị vui lòng thay bằng địa chỉ thư công vụ.',
  'public-contact-in-document.incoming-body':
    'Thư này dùng địa chỉ thư công cộng ({addresses}) làm đầu mối liên hệ. Theo quy định, thư như vậy không được tiếp nhận xử lý như văn bản công vụ.',
  'attachment-size.file':
    'Tệp “{file}” ({size} MB) vượt giới hạn {limit} MB cho mỗi tệp đính kèm. Anh/chị có thể nén, chia nhỏ tệp, hoặc chia sẻ đường liên kết từ kho lưu trữ của cơ quan.',
  'attachment-size.total':
    '{count} tệp đính kèm có tổng dung lượng {size} MB, vượt giới hạn {limit} MB cho một thư. Anh/chị có thể gửi thành nhiều thư hoặc chia sẻ đường liên kết.',
  'secret-document.attachment':
    'Tệp “{file}” có dấu độ mật “{level}”. Văn bản mật không được gửi qua thư điện tử; anh/chị vui lòng gỡ tệp và chuyển theo đường văn bản mật.',
  'secret-document.message':
    'Thư này được đánh dấu “{level}”. Nội dung mật không được gửi qua thư điện tử; anh/chị vui lòng chuyển theo đường văn bản mật.',
  'unicode-text.attachment':
    'Tệp “{file}” có đoạn chữ theo bảng mã cũ {encoding}, người nhận có thể thấy chữ bị lỗi. Anh/chị nên chuyển sang Unicode (TCVN 6909:2001) trước khi gửi.',
  'unicode-text.body':
    'Thư có đoạn chữ theo bảng mã cũ {encoding}. Anh/chị bấm “Chuyển sang Unicode” để người nhận đọc được.',

  'marker.official-recipient': 'người nhận dùng địa chỉ công vụ',
  'marker.document-number': 'số hiệu văn bản như “Số: 12/QĐ-UBND”',
  'marker.national-motto': 'quốc hiệu, tiêu ngữ',
  'marker.subject-line': 'trích yếu “V/v”',
  'marker.salutation': '“Kính gửi”',
  'marker.distribution-list': 'mục “Nơi nhận”',
  'marker.authority-name': 'tên cơ quan nhà nước',
  'marker.official-attachment': 'tệp đính kèm giống văn bản hành chính',

  'severity.nudge': 'Gợi ý',
  'severity.warn': 'Lưu ý',
  'severity.block': 'Chưa thể gửi',

  'action.open-official-webmail': 'Mở hộp thư công vụ',
  'action.acknowledge': 'Tôi đã hiểu',
  'action.not-work': 'Đây không phải thư công vụ',
  'action.remove-attachment': 'Gỡ tệp',
  'action.convert-to-unicode': 'Chuyển sang Unicode',
  'action.report-spam': 'Báo cáo thư rác',
  'action.share-as-link': 'Chia sẻ bằng liên kết',

  'rule.public-webmail-work': 'Thư công vụ gửi từ hộp thư công cộng',
  'rule.public-contact-in-document': 'Văn bản ghi địa chỉ thư công cộng',
  'rule.attachment-size': 'Dung lượng tệp đính kèm',
  'rule.secret-document': 'Văn bản mật',
  'rule.unicode-text': 'Chữ Việt Unicode',

  'citation.label': 'Căn cứ: {citation}',
  'document.unreadable': 'Không đọc được tệp này: {reason}',
  'extract.too-large': 'tệp lớn hơn mức {limit} MB có thể kiểm tra',
  'extract.zip-bomb': 'tệp bung ra lượng dữ liệu lớn bất thường (nghi “bom nén”)',
  'extract.corrupt': 'tệp bị hỏng hoặc không đúng định dạng như tên tệp',
  'extract.encrypted': 'tệp được bảo vệ bằng mật khẩu',
  'extract.unsupported': 'chưa hỗ trợ kiểm tra loại tệp này ({detail})',
  'extract.timeout': 'việc đọc tệp kéo dài quá {seconds} giây',
  'extract.too-deep': 'tệp lồng quá nhiều lớp đính kèm',
  'extract.memory': 'việc đọc tệp cần nhiều bộ nhớ hơn mức cho phép',
  'extract.io': 'không mở được tệp ({detail})',

  'policy.source.managed': 'do bộ phận CNTT đặt',
  'policy.source.user': 'thiết lập cá nhân',
  'policy.source.preset': 'mặc định',
  'policy.error.unknown-field': 'Chính sách ({source}): “{field}” không phải thiết lập hợp lệ nên được bỏ qua. Cần: {expected}.',
  'policy.error.invalid': 'Chính sách ({source}): “{field}” = {received} không hợp lệ; thiết lập này dùng giá trị mặc định. Cần: {expected}.',
  'policy.error.not-json': 'Chính sách ({source}) không phải JSON hợp lệ ({received}); dùng giá trị mặc định.',
  'policy.error.not-object': 'Chính sách ({source}) phải là một đối tượng JSON; dùng giá trị mặc định.',

  'cli.summary': 'Đã kiểm tra {files} tệp: {flagged} tệp có phát hiện, {unreadable} tệp không đọc được.',
  'cli.clean': 'Không có phát hiện nào.',
  'cli.addresses': 'Địa chỉ: {addresses}',
  'cli.error': 'Lỗi',
};
