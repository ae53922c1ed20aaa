import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('activity CSV cells', () => {
  it('quotes every cell and doubles quotes inside, so commas and line breaks stay in their cell', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 42, null])).toBe(
      '"a,b","say ""hi""","two\nlines","42",""\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const danger of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'])
      expect(csvCell(danger)).toBe(`"'${danger}"`);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    // Ordinary values are left as they are, Japanese included.
    expect(csvCell('orders-1')).toBe('"orders-1"');
    expect(csvCell('キュー')).toBe('"キュー"');
  });
});
