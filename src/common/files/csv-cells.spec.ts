import { csvCell, csvLine } from './csv-cells';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['+62812', "'+62812"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
  ])('should write %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('should write null and undefined as empty cells and numbers and flags as text', () => {
    expect([csvCell(null), csvCell(undefined), csvCell(42), csvCell(false)]).toEqual(['', '', '42', 'false']);
  });
});

describe('csvLine', () => {
  it('should join cells with commas and end with CRLF', () => {
    expect(csvLine(['1', '=x', null, 'a,b'])).toBe(`1,'=x,,"a,b"\r\n`);
  });
});
