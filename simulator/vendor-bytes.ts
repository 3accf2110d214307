/**
 * The bytes of one export file in a vendor's encoding, built as the lines come. Text is
 * gathered in chunks of a few tens of kilobytes and encoded chunk by chunk: one string for a
 * whole file (millions of concatenations) costs several times more to flatten and encode.
 */
import iconv from 'iconv-lite';
import type { VendorStyle } from './vendor-formats';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK_CHARS = 32_768;

export class VendorBytes {
  private readonly parts: Buffer[] = [];
  private pending = '';
  private readonly windows1256: boolean;

  constructor(style: VendorStyle) {
    // Vendor B's newer export is UTF-8 with a byte order mark; the older one Windows-1256.
    this.windows1256 = style.vendor === 'B' && !style.arabicIndicDigits;
    if (style.vendor === 'B' && style.arabicIndicDigits) this.parts.push(UTF8_BOM);
  }

  /** Appends text (whole lines, with their line ends). */
  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  /** Appends text encoded on its own: an Arabic header line keeps the ASCII body off the code-page path. */
  writeApart(text: string): void {
    this.flush();
    this.pending = text;
    this.flush();
  }

  bytes(): Buffer {
    this.flush();
    return this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
  }

  private flush(): void {
    if (this.pending === '') return;
    const utf8 = Buffer.from(this.pending, 'utf8');
    // Windows-1256 is ASCII below 0x80: only text with other characters needs the code page.
    this.parts.push(
      this.windows1256 && utf8.length !== this.pending.length ? iconv.encode(this.pending, 'windows-1256') : utf8,
    );
    this.pending = '';
  }
}
