import { lazyConnection } from './lazy-connection';

function client(connect: () => Promise<void>) {
  const state = { connects: 0, disconnects: 0 };
  return {
    state,
    connect: async () => {
      state.connects++;
      await connect();
    },
    disconnect: async () => void state.disconnects++,
  };
}

describe('lazyConnection', () => {
  it('connects once for every caller and disconnects on close', async () => {
    const one = client(async () => undefined);
    const lazy = lazyConnection(() => one);

    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    await lazy.close();

    expect(a).toBe(b);
    expect(one.state).toEqual({ connects: 1, disconnects: 1 });
  });

  it('forgets a failed connect, so the next caller tries a fresh client', async () => {
    let attempt = 0;
    const lazy = lazyConnection(() =>
      client(async () => {
        if (++attempt === 1) throw new Error('broker down');
      }),
    );

    await expect(lazy.get()).rejects.toThrow('broker down');
    const second = await lazy.get();

    expect(second.state.connects).toBe(1);
    expect(attempt).toBe(2);
  });

  it('closes without connecting when never used', async () => {
    const lazy = lazyConnection(() => client(async () => undefined));

    await expect(lazy.close()).resolves.toBeUndefined();
  });
});
