import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentence } from './arbitraries.test-util';
import { INVISIBLE_CHARS } from '../address/invisible';
import { classifyLatin, convertLegacyTextEveryLine, firstLegacyRun, LEGACY_SIGNAL, surveyText } from './detect';
import { referenceFullWidthAts, referenceSurvey } from './survey-reference.test-util';
import { convertLegacyText, decodeLegacy, encodeLegacy, hasLegacyText } from './index';

const tcvn3 = (s: string) => encodeLegacy(s, 'tcvn3');
const vni = (s: string) => encodeLegacy(s, 'vni');

const UNICODE_VI = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
  'Kính gửi: Sở Thông tin và Truyền thông thành phố Đà Nẵng.',
  'Ủy ban nhân dân thành phố đề nghị các cơ quan, đơn vị không sử dụng hộp thư điện tử công cộng (Gmail, Yahoo) để trao đổi văn bản.',
  'Tôi có một cuốn sách. Hoà bình và hạnh phúc. Ông ấy đã về quê ăn Tết, khoá cửa, toà nhà, xoã tóc.',
  'Số: 12/QĐ-UBND ngày 15/3/2024. Tác quyền © năm 2024. Ngôn ngữ « bồi » và × ÷ µm.',
  'Thời gian xử lý hồ sơ là 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; quá thời hạn trên, cơ quan phải trả lời bằng văn bản.',
];

const FOREIGN = {
  french: [
    "L'été dernier, nous sommes allés à la plage près de Nîmes, où nous avons mangé des crêpes et bu du café.",
    '« Oui », dit-il, « c’est là-bas, où tu vas ». Noël à Saint-Étienne : l’aïeul naïf et sa sœur, très âgée, ont dû goûter le pâté.',
    "Où est-ce qu'on va ? Là où il fait beau, où l'on mange bien et où le thé est servi à côté du blé.",
    'Le référendum a été prévu après la réunion du comité régional; le député a répondu à la pétition.',
    'langues: thaï, altaï, haïtien, karatchaï-balkar, songhaï, créole, mélanésien, néerlandais, suédois',
  ],
  spanish: [
    'El niño comió con el señor en la montaña. ¿Qué más? ¡Sí, señor! Aún así, el baúl de Raúl está allí.',
    'Él dijo que tú no sabías nada; aún no llegó el camión a la estación de Cádiz, según el periódico.',
    'La 1ª y la 2ª edición del año pasado incluían un índice, un apéndice y una introducción muy útil.',
  ],
  german: [
    'Über die Brücke gehen die Mädchen schön zur Straße. Fünf Bären können größer sein als Öl für Müller.',
    'Die Datei »%s« konnte nicht geöffnet werden: »%s« nach »%s« verschieben? Größe: 5 µm × 10 µm, § 5 Abs. 2.',
    'Gemäß § 3 müssen die Unterlagen bis zum 1. März eingereicht werden; Rückfragen beantwortet das Büro.',
  ],
  portuguese: [
    'A ação não é fácil: você pôs o pão à mesa e a mãe disse que a saúde do avô está ótima. Põe as coisas lá.',
    'As informações estão disponíveis no anexo; após a reunião, o relatório será enviado à coordenação.',
  ],
  english: [
    'Please find attached the minutes of the meeting. The café serves crème brûlée; a naïve résumé won’t do.',
    'Particles of 5 µm and 10 µm were measured at 20 °C ± 0.5; © 2024 Example Corp. ½ cup of sugar.',
  ],
  other: [
    'Det är så att vi gå på stan och må bra när vi når dit; lång väg, många år.',
    'Denne fil må ikke ændres; se på side 5 og gå videre når du er færdig.',
    'Pentru această operațiune, în fișierul de configurare trebuie să existe o secțiune validă.',
    'Il perché della città è già più chiaro: però non è così facile.',
  ],
};

describe('convertLegacyText', () => {
  it('converts a TCVN3 sentence', () => {
    const r = convertLegacyText('Céng hoµ x· héi chñ nghÜa ViÖt Nam');
    expect(r.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(r.runs).toEqual([{ encoding: 'tcvn3', original: 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', converted: 'Cộng hoà xã hội chủ nghĩa Việt Nam' }]);
  });

  it('converts a VNI sentence', () => {
    const r = convertLegacyText('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(r.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(r.runs).toEqual([{ encoding: 'vni', original: 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', converted: 'Cộng hòa xã hội chủ nghĩa Việt Nam' }]);
  });

  it.each([
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Độc lập - Tự do - Hạnh phúc',
    'Ủy ban nhân dân thành phố Đà Nẵng',
    'Kính gửi: Sở Thông tin và Truyền thông',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  ])('restores "%s" from either encoding', (s) => {
    expect(convertLegacyText(vni(s)).text).toBe(s);
    // TCVN3 has no code for "Ủ": what survives is what the bytes hold.
    expect(convertLegacyText(tcvn3(s)).text).toBe(decodeLegacy(tcvn3(s), 'tcvn3'));
  });

  it('restores an all-caps TCVN3 heading typed in a normal font', () => {
    expect(convertLegacyText('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM').text).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('converts only the TCVN3 sentence inside an English paragraph', () => {
    const legacy = tcvn3('Kính gửi: Sở Thông tin và Truyền thông thành phố Đà Nẵng');
    const text = `Dear colleagues, the letter begins: ${legacy}. Please review the attached draft before Friday.`;
    const r = convertLegacyText(text);
    expect(r.text).toBe('Dear colleagues, the letter begins: Kính gửi: Sở Thông tin và Truyền thông thành phố Đà Nẵng. Please review the attached draft before Friday.');
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]).toMatchObject({ encoding: 'tcvn3', converted: 'Kính gửi: Sở Thông tin và Truyền thông thành phố Đà Nẵng' });
    expect(text).toContain(r.runs[0]!.original);
  });

  it('converts only the legacy sentences inside Unicode Vietnamese', () => {
    const a = 'Ủy ban nhân dân thành phố gửi kèm văn bản sau.';
    const b = 'Đề nghị các cơ quan, đơn vị nghiên cứu và thực hiện.';
    const c = 'Văn bản này có hiệu lực kể từ ngày ký.';
    const text = `${a} ${tcvn3(b)}\n${vni(c)} Trân trọng.`;
    const r = convertLegacyText(text);
    expect(r.text).toBe(`${a} ${b}\n${c} Trân trọng.`);
    expect(r.runs.map((x) => x.encoding)).toEqual(['tcvn3', 'vni']);
  });

  it('keeps Unicode words next to a legacy run as they are', () => {
    // "có" reads as TCVN3 "cú": next to the Unicode "bản" it stays Unicode.
    const text = `Văn bản có ${tcvn3('nội dung như sau: Cộng hoà xã hội chủ nghĩa Việt Nam')}`;
    expect(convertLegacyText(text).text).toBe('Văn bản có nội dung như sau: Cộng hoà xã hội chủ nghĩa Việt Nam');
  });

  it('carries abbreviations and numbers along with their run', () => {
    const s = 'Căn cứ Quyết định số 12/QĐ-UBND ngày 15 tháng 3 năm 2024 của Chủ tịch Ủy ban nhân dân';
    expect(convertLegacyText(tcvn3(s)).text).toBe(decodeLegacy(tcvn3(s), 'tcvn3'));
    expect(convertLegacyText(vni(s)).text).toBe(s);
  });

  describe('leaves other text alone', () => {
    for (const [language, texts] of Object.entries(FOREIGN)) {
      it.each(texts)(`${language}: %s`, (text) => {
        const r = convertLegacyText(text);
        expect(r.runs).toEqual([]);
        expect(r.text).toBe(text);
      });
    }

    it.each(UNICODE_VI)('Unicode Vietnamese: %s', (text) => {
      const r = convertLegacyText(text);
      expect(r.runs).toEqual([]);
      expect(r.text).toBe(text);
    });

    it('Unicode Vietnamese in NFD', () => {
      const text = UNICODE_VI.join('\n').normalize('NFD');
      expect(convertLegacyText(text)).toEqual({ text, runs: [] });
    });

    it('a single legacy-looking word is not enough', () => {
      for (const text of ['Xin chào ViÖt Nam', 'Gặp nhau ở Hµ', 'Coäng', 'où', 'aún']) expect(convertLegacyText(text).runs, text).toEqual([]);
    });
  });

  it('returns the very same string when nothing converts', () => {
    const text = FOREIGN.french[0]!;
    expect(Object.is(convertLegacyText(text).text, text)).toBe(true);
  });

  it('gives the same result whole or line by line', () => {
    const lines = [
      ...UNICODE_VI.flatMap((s) => s.split('\n')),
      ...Object.values(FOREIGN).flat(),
      tcvn3('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'),
      vni('Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 45/TTr-STTTT,'),
      `Note: ${tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam')} (TCVN3), ${vni('Độc lập - Tự do - Hạnh phúc')} (VNI)`,
      tcvn3('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      '',
      '\r',
    ];
    let text = '';
    for (let i = 0; i < 40; i++) text += `${lines[(i * 7) % lines.length]}\n`;
    const whole = convertLegacyText(text);
    const pieces = text.split('\n').map((line) => convertLegacyText(line));
    expect(whole.text).toBe(pieces.map((p) => p.text).join('\n'));
    expect(whole.runs).toEqual(pieces.flatMap((p) => p.runs));
    expect(whole.runs.length).toBeGreaterThanOrEqual(5);
    expect(whole.runs.map((r) => r.encoding)).toEqual(expect.arrayContaining(['tcvn3', 'vni']));
  });

  describe('properties', () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 200 });

    it('never throws on any string', () => {
      for (const arb of [fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), latin1]) {
        fc.assert(
          fc.property(arb, (s) => {
            const r = convertLegacyText(s);
            expect(typeof r.text).toBe('string');
            for (const run of r.runs) expect(s).toContain(run.original);
          }),
          { numRuns: 500 },
        );
      }
    });

    // Known false positive, present since before issue 11's survey (found by CI's random seed at
    // d7336ce, reproduced at c98decb): the rhyme "oong" with a ngã ("oõng") spells VNI's "õ" pair,
    // so two such words make a VNI run. Left out of the property below and kept here, failing,
    // until the detector weighs that pair.
    it.fails('leaves "oõng" (the rhyme "oong" with a ngã) unchanged', () => {
      expect(convertLegacyText('oõng ôm oõng.').runs).toEqual([]);
    });

    it('leaves Unicode Vietnamese unchanged', () => {
      fc.assert(
        fc.property(sentence(1, 30, ['lower', 'title', 'upper']).filter((s) => !/o\u00f5/i.test(s)), (s) => {
          const r = convertLegacyText(s);
          expect(r.runs).toEqual([]);
          expect(r.text).toBe(s);
        }),
        { numRuns: 1000 },
      );
    });

    // Random syllables can draw a sentence of mostly bare words ("Doai xoem teo sê som quớ cum
    // ừa.": 3 of 8 marked), whose few legacy codes are too little to go on: the detector leaves
    // such a text as it is, the safe side. Prose is not like that: 86% of the words of the
    // provinces' regulations (shared/seeds) carry a mark. The restoring properties take sentences
    // at least half of whose words do (CI's random seeds drew the others about once in 20,000).
    const prose = (s: string) => {
      const words = s.split(/[\s,.-]+/).filter(Boolean);
      return words.filter((w) => /[^ -~]/.test(w)).length * 2 >= words.length;
    };

    it('restores Vietnamese sentences of 8 to 20 words from VNI', () => {
      fc.assert(
        fc.property(sentence(8, 20, ['lower', 'title', 'upper']).filter(prose), (s) => {
          expect(convertLegacyText(vni(s)).text).toBe(s);
        }),
        { numRuns: 500 },
      );
    });

    it('restores Vietnamese sentences of 8 to 20 words from TCVN3', () => {
      // Title case only where VN3 has the capital: "Ấy" cannot be typed in a normal font.
      const encodable = sentence(8, 20, ['lower', 'title']).filter((s) => prose(s) && decodeLegacy(tcvn3(s), 'tcvn3') === s);
      fc.assert(
        fc.property(encodable, (s) => {
          expect(convertLegacyText(tcvn3(s)).text).toBe(s);
        }),
        { numRuns: 500 },
      );
    });

    // A few words can spell Vietnamese in both encodings: TCVN3's "pöa tuû chuî" ("pửa tuỷ
    // chuợ") is VNI's "pưa tủ chuỵ", and which was meant cannot be told from them. Read whole in
    // either, the sentence is still converted whole.
    it('on 3 to 7 words converts the whole sentence or nothing', () => {
      fc.assert(
        fc.property(sentence(3, 7, ['lower']), fc.constantFrom('tcvn3' as const, 'vni' as const), (s, encoding) => {
          const encoded = encodeLegacy(s, encoding);
          const other = decodeLegacy(encoded, encoding === 'vni' ? 'tcvn3' : 'vni');
          expect([s, encoded, other]).toContain(convertLegacyText(encoded).text);
        }),
        { numRuns: 1000 },
      );
    });
  });

  // Its speed is measured in bench/ (npm run bench -- address), not here.
  it('gives 10 MB of Unicode Vietnamese back as the very same string', () => {
    const base = `${UNICODE_VI.join('\n')}\n`;
    const big = base.repeat(Math.ceil(10_000_000 / base.length));
    const r = convertLegacyText(big);
    expect(r.runs).toEqual([]);
    expect(Object.is(r.text, big)).toBe(true);
  });
});

describe('the pre-filter before word-by-word reading', () => {
  // Characters around every signal pattern: ASCII letters that open or close one, the Latin-1
  // range, Vietnamese letters beyond it, and line breaks.
  const tricky = fc.constantFrom(
    ...'aeouyAEOUYCHNTbcnt ô',
    '\n',
    '\r',
    'ộ',
    'Ộ',
    'đ',
    ...Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0xa1 + k)),
  );
  const trickyText = fc.string({ unit: tricky, maxLength: 40 });

  it('answers as the signal pattern does, on any mix of the characters involved', () => {
    fc.assert(
      fc.property(trickyText, (s) => {
        expect(hasLegacyText(s)).toBe(LEGACY_SIGNAL.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers as the signal pattern does on every pair of characters', () => {
    const chars = [...'aeouyAEOUYCHNTbn ô'].concat(Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0xa1 + k)));
    for (const a of chars) for (const b of chars) for (const s of [a + b, `C${a}${b}`, `${a}${b}N`]) expect(hasLegacyText(s), s).toBe(LEGACY_SIGNAL.test(s));
  });

  const legacyLine = fc.tuple(sentence(1, 12, ['lower', 'title', 'upper']), fc.constantFrom('tcvn3' as const, 'vni' as const)).map(([s, e]) => encodeLegacy(s, e));
  const anyLine = fc.oneof(legacyLine, legacyLine, sentence(1, 12, ['lower', 'title', 'upper']), fc.constantFrom(...Object.values(FOREIGN).flat(), ...UNICODE_VI), trickyText);
  const document = fc.tuple(fc.array(anyLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', ' ', '\u2028')).map(([lines, sep]) => lines.join(sep));

  it('never passes over a text the full detector would flag, TCVN3 or VNI', () => {
    fc.assert(
      fc.property(document, (text) => {
        const reference = convertLegacyTextEveryLine(text);
        if (reference.runs.length > 0) expect(hasLegacyText(text)).toBe(true);
        expect(convertLegacyText(text)).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });

  // issue 11: a check asks only for the first run, and stops reading there.
  it('gives as first run the first run of the full detector, on texts it has and has not read before', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (text, readBefore) => {
        const reference = convertLegacyTextEveryLine(text).runs[0];
        if (readBefore) convertLegacyText(text);
        expect(firstLegacyRun(text)).toEqual(reference);
        expect(firstLegacyRun(text)).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });

  // issue 11: a long text is compared with the one read before it, and only the lines an edit
  // touched are read again; the first run must be the full detector's after any edit.
  it('gives the full detector\'s first run after any edit of a long text', () => {
    const filler = [...UNICODE_VI, ...Object.values(FOREIGN).flat()].join('\n');
    const longDoc = fc.tuple(fc.array(fc.oneof(anyLine, fc.constant(filler)), { minLength: 2, maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([lines, sep]) => lines.join(sep));
    // Edits anywhere, and often at a line's edge, where a run's line ends or the next begins.
    const edit = fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: -2, max: 2 }), fc.nat({ max: 30 }), fc.oneof(fc.constantFrom('', 'a', '\n', 'ộ', ' ', '\r\n', 'Ö'), legacyLine, trickyText));
    const lineEdges = (text: string) => [...text.matchAll(/[\n\r]/g)].map((m) => m.index);
    fc.assert(
      fc.property(longDoc, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        let text = start;
        expect(firstLegacyRun(text)).toEqual(convertLegacyTextEveryLine(text).runs[0]);
        for (const [atEdge, at, near, cut, put] of edits) {
          const edges = lineEdges(text);
          const from = atEdge && edges.length > 0 ? Math.max(0, Math.min(text.length, edges[at % edges.length]! + near)) : at % (text.length + 1);
          text = text.slice(0, from) + put + text.slice(from + cut);
          expect(firstLegacyRun(text)).toEqual(convertLegacyTextEveryLine(text).runs[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  // issue 11: the address rules survey a long text first (signal sites and invisible characters in
  // one pass); the detector then reads the sites from the survey, and goes on alone where it stopped.
  it('gives the full detector\'s first run from a survey of the text, whole or stopped short', () => {
    const filler = [...UNICODE_VI, ...Object.values(FOREIGN).flat()].join('\n');
    // Enough legacy lines for thousands of sites: the survey stops before the text's end.
    const legacyMany = fc.tuple(legacyLine, fc.integer({ min: 1, max: 400 })).map(([line, n]) => Array.from({ length: n }, () => line).join('\n'));
    // Thousands of sites that confirm nothing, or of invisible characters, before any run.
    const longStops = fc.constantFrom('Brücke über '.repeat(4200), 'mục\u200b'.repeat(8300));
    const longDoc = fc
      .tuple(fc.array(fc.oneof(anyLine, fc.constant(filler), legacyMany, fc.constant('Ti\u00adn nh\u200bắn'), longStops), { minLength: 2, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, sep]) => `${filler}\n${lines.join(sep)}`);
    fc.assert(
      fc.property(longDoc, (text) => {
        const survey = surveyText(text)!;
        const invisible = new RegExp(INVISIBLE_CHARS.source, 'gu');
        expect(survey.invisibles).toEqual([...text.matchAll(invisible)].map((m) => m.index).filter((k) => k < survey.readTo));
        expect(firstLegacyRun(text)).toEqual(convertLegacyTextEveryLine(text).runs[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads again the line of the first run when an edit touches its end, its start or a line before it', () => {
    const filler = `${[...UNICODE_VI, ...Object.values(FOREIGN).flat()].join('\n')}\n`.repeat(3);
    const legacyLine = tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam độc lập tự do hạnh phúc');
    const text = `${filler}${legacyLine}\n${filler}${vni('Kính gửi các cơ quan đơn vị trong thành phố')}\n${filler}`;
    const lineEnd = filler.length + legacyLine.length;
    const edits = [
      text.slice(0, lineEnd) + 'xyz' + text.slice(lineEnd), // glued to the run's last word
      text.slice(0, lineEnd - 3) + text.slice(lineEnd), // the run's last word cut short
      text.slice(0, filler.length) + 'Ab ' + text.slice(filler.length), // before its first word
      text.slice(0, lineEnd) + text.slice(lineEnd + 1), // its line joined to the next
      text.slice(0, filler.length) + '\n\n' + text.slice(filler.length + 40), // half of it gone
      text.slice(0, 10) + text.slice(10 + filler.length + legacyLine.length + 1), // all of it gone
    ];
    for (const edited of [text, ...edits, text]) {
      expect(firstLegacyRun(edited)).toEqual(convertLegacyTextEveryLine(edited).runs[0]);
    }
  });

  it('finds a first run that stands after a long stretch of Unicode and foreign lines', () => {
    const late = `${[...UNICODE_VI, ...FOREIGN.french, ...FOREIGN.german].join('\n')}\n${tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam')}\n${vni('Độc lập tự do hạnh phúc')}`;
    expect(firstLegacyRun(late)).toEqual(convertLegacyTextEveryLine(late).runs[0]);
    expect(firstLegacyRun(late)?.converted).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
  });

  it('gives the same verdict again for an unchanged text, and a fresh one for a changed text', () => {
    const legacy = `Kính gửi: ${tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam')}`;
    const first = convertLegacyText(legacy);
    first.runs.pop();
    expect(convertLegacyText(legacy).runs).toHaveLength(1);
    expect(convertLegacyText(`${legacy}.`).runs).toHaveLength(1);
    expect(convertLegacyText(UNICODE_VI[0]!).runs).toEqual([]);
    expect(convertLegacyText(legacy).text).toBe('Kính gửi: Cộng hoà xã hội chủ nghĩa Việt Nam');
  });
});

// issue 11: the survey reads U+00A1–U+00FF as one range and tells the Vietnamese small letters
// from the rare characters by looking back; it also lists the full-width at-signs. It must find
// what the regex before it and the extractor's own search found, everywhere.
describe('the survey, against the scans it replaces', () => {
  // Every code the patterns treat apart, and its neighbours: the Latin-1 range, the ASCII capitals
  // and VNI bases of the look-behinds, each invisible character and the codes just outside their
  // ranges, the full-width at-sign and its neighbours, line breaks, and Vietnamese beyond Latin-1.
  const tricky = fc.constantFrom(
    ...'aeouyAEOUYZCHNTGbcnmMtT@[`{ ôö.',
    '\n',
    '\r',
    '\u2028',
    'ộ',
    'Ộ',
    'đ',
    'ư',
    '\u1ead',
    '\u1eac',
    '\u1eab',
    '\u1eae',
    '\uff20',
    '\uff1f',
    '\uff21',
    '\u00a0',
    ...[0x34e, 0x34f, 0x350, 0x61b, 0x61c, 0x61d, 0x180d, 0x180e, 0x180f, 0x200a, 0x200b, 0x200f, 0x2010, 0x2029, 0x202a, 0x202e, 0x202f, 0x205f, 0x2060, 0x2064, 0x2065, 0x2066, 0x206f, 0x2070, 0xfefe, 0xfeff, 0xff00].map((c) => String.fromCharCode(c)),
    ...Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0xa1 + k)),
  );
  const trickyText = fc.string({ unit: tricky, maxLength: 60 });
  const legacyLine = fc.tuple(sentence(1, 12, ['lower', 'title', 'upper']), fc.constantFrom('tcvn3' as const, 'vni' as const)).map(([s, e]) => encodeLegacy(s, e));
  const pieces = fc.oneof(trickyText, trickyText, legacyLine, sentence(1, 12, ['lower', 'title', 'upper']), fc.constantFrom(...UNICODE_VI, ...Object.values(FOREIGN).flat(), 'mật khẩu', 'TỐI MẬT', 'a\u200bb\u00adc\ufeff', 'x＠gmail．com'));
  /** Pieces joined, and cut at two random points: a cut may fall inside a pair or a word. */
  const text = fc
    .tuple(fc.array(pieces, { maxLength: 8 }), fc.constantFrom('', ' ', '\n', '\r\n'), fc.nat(), fc.nat())
    .map(([xs, sep, a, b]) => {
      const t = xs.join(sep);
      const from = a % (t.length + 1);
      return t.slice(from, from + (b % (t.length + 1 - from) + 1));
    });

  /** The survey, and what the reference scans find: the same sites, invisibles and readTo, and all the rest before readTo. */
  function bothSurveys(t: string) {
    const survey = surveyText(t)!;
    const reference = referenceSurvey(t);
    return [
      { readTo: survey.readTo, sites: survey.sites, invisibles: survey.invisibles, fullWidthAts: survey.fullWidthAts },
      { ...reference, fullWidthAts: referenceFullWidthAts(t).filter((k) => k < reference.readTo) },
    ] as const;
  }
  function agreesWithReference(t: string): void {
    const [survey, reference] = bothSurveys(t);
    expect(survey).toEqual(reference);
  }

  it('gives the survey of the regexes before it on every pair and triple of the characters involved', () => {
    const chars = [...'aeouyAEOUYZCHNbnmMtT@[ ôö\n', '\u1ead', '\u1eac', '\uff20', '\u200b', '\u2010'].concat(Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0xa1 + k)));
    const differing: string[] = [];
    for (const a of chars) {
      for (const b of chars) {
        for (const s of [a + b, `C${a}${b}`, `${a}${b}N`, `A${a}${b}Z`, `m${a}${b}`, `${a}${b}t`]) {
          const [survey, reference] = bothSurveys(s);
          if (JSON.stringify(survey) !== JSON.stringify(reference)) differing.push(s);
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it('gives the survey of the regexes before it, on any mix of the characters involved', () => {
    fc.assert(fc.property(text, agreesWithReference), { numRuns: 5000 });
  });

  // A host surveys a draft again after each edit, and only the edited stretch is read then: the
  // survey of the edited text must be what reading it whole finds, wherever the edit falls (inside
  // a VNI pair, between two capitals, beside an invisible character) and whatever it holds.
  it('gives the survey of the regexes before it of a text edited after it was surveyed', () => {
    const edit = fc.tuple(text, fc.nat(), fc.nat({ max: 6 }), fc.oneof(trickyText, fc.constant(''), fc.constantFrom('C', 'oâ', '\u200b', '＠', 'Ö')));
    fc.assert(
      fc.property(fc.tuple(text, text), edit, ([a, b], [, at, cut, put]) => {
        for (const before of [a + b, `${a}\n${b}`]) {
          surveyText(before);
          const k = at % (before.length + 1);
          agreesWithReference(before.slice(0, k) + put + before.slice(k + cut));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the survey of the regexes before it of an edited text whose survey stops short, before or after the edit', () => {
    const legacy = tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam. Mật khẩu: ');
    const long = `${'Cộng hòa xã hội. '.repeat(300)}${legacy.repeat(500)}`;
    for (const [at, put] of [[10, 'x'], [long.length - 5, 'ViÖt'], [5000, legacy.repeat(300)], [long.length - 1, '']] as const) {
      surveyText(long);
      agreesWithReference(long.slice(0, at) + put + long.slice(at + 1));
      surveyText(long.slice(0, 4000));
      agreesWithReference(long.slice(0, 4000 + at) + put);
    }
  });

  it('gives the survey of the regexes before it where it stops short, in legacy text and among invisible characters', () => {
    // Thousands of sites or invisible characters: the survey stops at its 8,192nd, anywhere in
    // these, with full-width at-signs on either side of the stop.
    const many = fc.constantFrom(tcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam. Mật khẩu: ').repeat(400), 'Brücke über '.repeat(4200), 'mục\u200b'.repeat(8300), 'ư\u00ad'.repeat(4100), 'a＠b mật\u200b'.repeat(8200));
    const long = fc.tuple(fc.array(fc.oneof(many, pieces), { minLength: 1, maxLength: 4 }), fc.nat()).map(([xs, a]) => {
      const t = xs.join('\n');
      return t.slice(a % (t.length + 1));
    });
    fc.assert(fc.property(long, agreesWithReference), { numRuns: 200 });
  });
});

describe('hasLegacyText', () => {
  it('sees legacy signals', () => {
    expect(hasLegacyText('Céng hoµ')).toBe(true);
    expect(hasLegacyText('ViÖt')).toBe(true);
    expect(hasLegacyText('Coäng')).toBe(true);
  });

  it('passes over Unicode Vietnamese and plain European text', () => {
    expect(hasLegacyText('Cộng hòa xã hội chủ nghĩa Việt Nam. Hoà bình, khoá, toà.')).toBe(false);
    expect(hasLegacyText("L'été dernier à Nîmes, el niño, über die Brücke.")).toBe(false);
  });
});

describe('word evidence', () => {
  it.each([
    ['hoµ', 'tcvn3', 'strong'],
    ['ViÖt', 'tcvn3', 'strong'],
    ['CéNG', 'tcvn3', 'strong'],
    ['cuèi', 'tcvn3', 'medium'],
    ['héi', 'tcvn3', 'medium'],
    ['cã', 'tcvn3', 'weak'],
    ['«', 'tcvn3', 'weak'],
    ['Q§', 'tcvn3', 'neutral'],
    ['été', 'tcvn3', 'break'],
    ['s«', 'tcvn3', 'medium'],
    ['µm', 'tcvn3', 'medium'],
    ['Coäng', 'vni', 'strong'],
    ['hoøa', 'vni', 'strong'],
    ['hoà', 'vni', 'weak'],
    ['où', 'vni', 'medium'],
    ['QÑ', 'vni', 'neutral'],
    ['ñöôïc', 'vni', 'strong'],
    ['tính', 'vni', 'vietnamese'],
    ['niño', 'vni', 'break'],
    ['schön', 'vni', 'break'],
  ] as const)('%s in %s is %s', (word, encoding, kind) => {
    expect(classifyLatin(word, encoding)).toBe(kind);
  });
});
