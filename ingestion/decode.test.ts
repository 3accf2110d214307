import iconv from 'iconv-lite';
import { decodeInboxBytes } from './decode';

const arabicHeader = 'رقم الجمعية,رقم الفرع,الباركود';

describe('decodeInboxBytes', () => {
  it.each([
    ['plain UTF-8', Buffer.from(`coop_id,qty\nC001,٣`, 'utf8'), 'utf-8', 'coop_id,qty\nC001,٣'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arabicHeader)]),
      'utf-8-bom',
      arabicHeader,
    ],
    ['Windows-1256', iconv.encode(arabicHeader, 'windows-1256'), 'windows-1256', arabicHeader],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(arabicHeader, 'utf-16le')]),
      'utf-16le',
      arabicHeader,
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(arabicHeader, 'utf-16be')]),
      'utf-16be',
      arabicHeader,
    ],
    ['an empty file', Buffer.alloc(0), 'utf-8', ''],
  ])('decodes %s', (_label, bytes, encoding, text) => {
    expect(decodeInboxBytes(bytes)).toEqual({ encoding, text });
  });

  it.each([
    ['binary content', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'binary_content'],
    ['UTF-16 without a BOM', iconv.encode('coop_id,qty', 'utf-16le'), 'binary_content'],
    ['a BOM before invalid UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0xc7, 0xe1]), 'bad_encoding'],
  ])('refuses %s', (_label, bytes, reasonCode) => {
    const result = decodeInboxBytes(bytes);
    expect('reasonCode' in result && result.reasonCode).toBe(reasonCode);
  });
});
