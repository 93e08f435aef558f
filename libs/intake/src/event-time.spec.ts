import { GO_ZERO_TIME_MS, parseIso8601, parseRfc3339 } from './event-time';

describe('parseRfc3339', () => {
  it('reads offsets and nanoseconds (to the millisecond)', () => {
    const parsed = parseRfc3339('2018-11-04T22:43:58.283995108+01:00');

    expect(parsed).toBe(Date.parse('2018-11-04T21:43:58.283Z'));
  });

  it('accepts a leap day only in a leap year', () => {
    expect(parseRfc3339('2024-02-29T00:00:00Z')).toBeDefined();
    expect(parseRfc3339('2023-02-29T00:00:00Z')).toBeUndefined();
  });

  it.each([
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00+24:00',
    '2024-01-01T00:00:00+0100',
    '2024-01-01T00:00:00',
  ])('rejects %p', (text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });

  it("reads Go's zero time in year 1, not 1901", () => {
    expect(parseRfc3339('0001-01-01T00:00:00Z')).toBe(GO_ZERO_TIME_MS);
    expect(new Date(GO_ZERO_TIME_MS).getUTCFullYear()).toBe(1);
  });
});

describe('parseIso8601', () => {
  it.each([
    ['2015-07-17T08:42:58.315+0000', '2015-07-17T08:42:58.315Z'],
    ['2015-07-17T08:42:58-05', '2015-07-17T13:42:58.000Z'],
    ['2015-07-17T08:42:58+05:30', '2015-07-17T03:12:58.000Z'],
  ])('reads the offset of %p', (text, utc) => {
    expect(parseIso8601(text)).toBe(Date.parse(utc));
  });
});
