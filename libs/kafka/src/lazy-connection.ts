interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * A client connected on first use. A failed connect is forgotten, so the
 * next caller tries again instead of inheriting the old rejection.
 */
export function lazyConnection<T extends Connectable>(create: () => T) {
  let connecting: Promise<T> | undefined;
  const get = (): Promise<T> => {
    connecting ??= (async () => {
      const client = create();
      await client.connect();
      return client;
    })();
    connecting.catch(() => (connecting = undefined));
    return connecting;
  };
  const close = async (): Promise<void> => {
    const pending = connecting;
    connecting = undefined;
    const client = await pending?.catch(() => undefined);
    await client?.disconnect();
  };
  return { get, close };
}
