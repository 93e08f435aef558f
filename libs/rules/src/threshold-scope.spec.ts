import { thresholdScope } from './threshold-scope';

describe('thresholdScope', () => {
  const scope = thresholdScope(
    { sla_threshold: '2 hours' },
    { sla_threshold: 3600, critical_threshold: 1000 },
  );

  it('answers from the first map that has the name', () => {
    expect(scope.lookup('sla_threshold')).toBe('2 hours');
    expect(scope.lookup('critical_threshold')).toBe(1000);
  });

  it('answers undefined for a name no map has', () => {
    expect(scope.lookup('nosuch_threshold')).toBeUndefined();
    expect(scope.lookup('toString')).toBeUndefined();
  });

  it('is empty without maps', () => {
    expect(thresholdScope().lookup('sla_threshold')).toBeUndefined();
  });
});
