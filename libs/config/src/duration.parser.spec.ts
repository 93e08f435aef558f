import { parseDuration } from './duration.parser';

describe('parseDuration', () => {
  it.each<[unknown, number]>([
    [90, 90],
    ['90', 90],
    ['30s', 30],
    ['1 minute', 60],
    ['3 minutes', 180],
    ['2 hours', 7200],
    ['24h', 86400],
    ['daily', 86400],
    ['weekly', 604800],
    ['2 days', 172800],
    ['every 5 minutes until acknowledged', 300],
    ['Every 15 Minutes Until Acknowledged', 900],
    ['daily until acknowledged', 86400],
    ['every minute', 60],
  ])('reads %p as %p seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([['soon'], ['5 fortnights'], [-1], [true], ['every'], ['']])(
    'refuses %p',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
