import { redact } from './redact';

describe('redact', () => {
  it('masks every occurrence of each secret', () => {
    const text = 'POST https://h.example.com/hooks/T0K3N failed; T0K3N again';

    expect(redact(text, ['T0K3N'])).toBe(
      'POST https://h.example.com/hooks/*** failed; *** again',
    );
  });

  it('masks the URL-encoded form of a secret', () => {
    expect(redact('to=jane%40example.com', ['jane@example.com'])).toBe(
      'to=***',
    );
  });

  it('masks a longer secret whole when it contains a shorter one', () => {
    expect(redact('key abc-123-xyz', ['abc', 'abc-123-xyz'])).toBe('key ***');
  });

  it('ignores empty secrets', () => {
    expect(redact('plain text', [''])).toBe('plain text');
  });
});
