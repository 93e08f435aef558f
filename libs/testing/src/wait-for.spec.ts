import { waitFor, WaitForTimeoutError } from './wait-for';

describe('waitFor', () => {
  it('resolves once the predicate starts to hold', async () => {
    let checks = 0;

    await waitFor(() => ++checks === 3, { intervalMs: 1 });

    expect(checks).toBe(3);
  });

  it('accepts an async predicate', async () => {
    let ready = false;
    setTimeout(() => (ready = true), 5);

    await expect(waitFor(async () => ready)).resolves.toBeUndefined();
  });

  it('rejects naming the condition when the deadline passes', async () => {
    const waiting = waitFor(() => false, {
      timeoutMs: 30,
      description: 'the projection to catch up',
    });

    await expect(waiting).rejects.toThrow(WaitForTimeoutError);
    await expect(waiting).rejects.toThrow(/the projection to catch up/);
  });

  it('keeps the last error of a throwing predicate as the cause', async () => {
    const failure = new Error('not there yet');

    const error = await waitFor(
      () => {
        throw failure;
      },
      { timeoutMs: 20 },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WaitForTimeoutError);
    expect((error as Error).cause).toBe(failure);
  });
});
