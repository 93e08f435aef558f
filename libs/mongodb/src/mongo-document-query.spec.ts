import {
  InvalidFieldNameError,
  toMongoFilter,
  toMongoSort,
} from './mongo-document-query';

describe('toMongoFilter', () => {
  it('compares every value with an explicit $eq', () => {
    expect(toMongoFilter({ status: 'open', level: 2, acked: false })).toEqual({
      status: { $eq: 'open' },
      level: { $eq: 2 },
      acked: { $eq: false },
    });
  });

  it('passes $in lists through and keeps nested field paths', () => {
    expect(toMongoFilter({ 'labels.team': { $in: ['a', 'b'] } })).toEqual({
      'labels.team': { $in: ['a', 'b'] },
    });
  });

  it.each(['$where', 'a.$b', 'a b', '', 'a..b'])(
    'refuses the field name %p',
    (field) => {
      expect(() => toMongoFilter({ [field]: 1 })).toThrow(
        InvalidFieldNameError,
      );
    },
  );
});

describe('toMongoSort', () => {
  it('sorts by id when no field is given', () => {
    expect(toMongoSort()).toEqual({ _id: 1 });
  });

  it('sorts by the field, breaking ties by id', () => {
    expect(toMongoSort({ sort: 'level' })).toEqual({ level: 1, _id: 1 });
    expect(toMongoSort({ sort: '-raisedAt' })).toEqual({
      raisedAt: -1,
      _id: 1,
    });
  });

  it('refuses an operator as a sort field', () => {
    expect(() => toMongoSort({ sort: '-$natural' })).toThrow(
      InvalidFieldNameError,
    );
  });
});
