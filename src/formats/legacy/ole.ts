// The names in an OLE compound file's directory (MS-CFB), read before LibreOffice is started: a
// real .xls holds a `Workbook` (or Excel 95 `Book`) stream, a real .doc a `WordDocument` stream,
// a password-protected .xlsx/.docx an `EncryptedPackage`. A file whose directory cannot be read is
// damaged — and LibreOffice, failing to recognise it, would import its bytes as plain text.

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;
const ENTRY_BYTES = 128;

export function isOle(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The names of the directory's storages and streams; null when the structure is not readable. */
export function oleEntryNames(bytes: Uint8Array): string[] | null {
  if (!isOle(bytes) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (view.getUint16(0x1c, true) !== 0xfffe || (shift !== 9 && shift !== 12)) return null;
  const size = 1 << shift;
  // Whole sectors after the header (a file cut short loses its last, partial one).
  const sectors = Math.max(0, Math.floor(bytes.length / size) - 1);
  const at = (n: number): number | null => (n < sectors ? (n + 1) * size : null);

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; difat !== END_OF_CHAIN && hops < sectors; hops++) {
    const o = at(difat);
    if (o === null) return null;
    for (let i = 0; i < size / 4 - 1; i++) fatSectors.push(view.getUint32(o + i * 4, true));
    difat = view.getUint32(o + size - 4, true);
  }
  const fatCount = view.getUint32(0x2c, true);
  if (fatCount === 0 || fatCount > fatSectors.length) return null;
  const next = (n: number): number | null => {
    const fatSector = fatSectors[Math.floor(n / (size / 4))];
    const o = fatSector === undefined ? null : at(fatSector);
    return o === null ? null : view.getUint32(o + (n % (size / 4)) * 4, true);
  };

  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    const o = hops < sectors ? at(sector) : null;
    if (o === null) return null;
    for (let e = o; e + ENTRY_BYTES <= o + size; e += ENTRY_BYTES) {
      const type = bytes[e + 66];
      const length = view.getUint16(e + 64, true);
      if ((type === 1 || type === 2 || type === 5) && length >= 2 && length <= 64) {
        names.push(new TextDecoder('utf-16le').decode(bytes.subarray(e, e + length - 2)));
      }
    }
    const n = next(sector);
    if (n === null) return null;
    sector = n;
  }
  return names.length > 0 ? names : null;
}
