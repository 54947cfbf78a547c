import { describe, expect, it } from 'vitest';
import { minimalOle } from '../../../test/fixtures/minimal-ole.ts';
import { isOle, oleEntryNames } from './ole.ts';

describe('oleEntryNames', () => {
  it('lists the storages and streams of a compound file', () => {
    const ole = minimalOle('Workbook', '\u0005SummaryInformation');
    expect(isOle(ole)).toBe(true);
    expect(oleEntryNames(ole)).toEqual(['Root Entry', 'Workbook', '\u0005SummaryInformation']);
  });

  it('is null for a file cut short, a damaged header, a directory chain that loops, or no OLE at all', () => {
    const ole = minimalOle('WordDocument');
    expect(oleEntryNames(ole.subarray(0, 1100))).toBeNull();
    const badShift = ole.slice();
    badShift[0x1e] = 7;
    expect(oleEntryNames(badShift)).toBeNull();
    const loop = ole.slice();
    new DataView(loop.buffer).setUint32(512 + 4, 1, true); // the directory sector points at itself
    expect(oleEntryNames(loop)).toBeNull();
    const random = ole.slice();
    random.fill(0xab, 8);
    expect(oleEntryNames(random)).toBeNull();
    expect(oleEntryNames(new TextEncoder().encode('PK not ole'))).toBeNull();
  });
});
