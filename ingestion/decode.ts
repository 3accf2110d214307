import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type DecodeResult = { text: string; encoding: DetectedEncoding } | { error: string; reasonCode: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
const hasUtf16Bom = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** What decodeInboxBytes says of text with NUL characters. */
export const BINARY_CONTENT = {
  error: 'file holds binary data (NUL bytes), not text',
  reasonCode: 'binary_content',
} as const;

/**
 * Bytes decodeInboxBytes would read as UTF-8 without a byte order mark, checked without
 * making a string: such a file can be read as it is (NULs are still the caller's to check).
 */
export const isPlainUtf8 = (bytes: Uint8Array): boolean => !hasUtf8Bom(bytes) && !hasUtf16Bom(bytes) && isUtf8(bytes);

/**
 * Turns the bytes of an inbox file into text. Vendors A and C send UTF-8 (some with a BOM),
 * vendor B's older systems export Windows-1256; a file that is not valid UTF-8 is read as
 * Windows-1256, since every byte has a meaning there and Arabic in it is never valid UTF-8.
 * Text with NUL characters left after decoding is binary, not a feed. An empty file decodes
 * to empty text: a batch with no rows (vendor C sends one on a day without lines).
 */
export function decodeInboxBytes(bytes: Uint8Array): DecodeResult {
  let decoded: { text: string; encoding: DetectedEncoding };
  if (hasUtf8Bom(bytes)) {
    try {
      decoded = { text: strictUtf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      return { error: 'file starts with a UTF-8 byte order mark but is not valid UTF-8', reasonCode: 'bad_encoding' };
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(Buffer.from(bytes), 'windows-1256'), encoding: 'windows-1256' };
    }
  }
  if (decoded.text.includes('\u0000')) return BINARY_CONTENT;
  return decoded;
}
