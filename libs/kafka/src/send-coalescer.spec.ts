import type { OutgoingMessage } from '@qms/ports';
import { SendCoalescer } from './send-coalescer';

const message = (id: string): OutgoingMessage => ({
  id,
  topic: 't',
  key: 'k',
  type: 'x',
  schemaVersion: 1,
  payload: {},
});

describe('SendCoalescer', () => {
  it('sends publishes that arrive during a send together, in order', async () => {
    const sends: string[][] = [];
    let release: () => void = () => undefined;
    const coalescer = new SendCoalescer(async (messages) => {
      sends.push(messages.map((m) => m.id));
      if (sends.length === 1) await new Promise<void>((r) => (release = r));
    });

    const first = coalescer.publish([message('a')]);
    const later = [
      coalescer.publish([message('b')]),
      coalescer.publish([message('c'), message('d')]),
    ];
    release();
    await Promise.all([first, ...later]);

    expect(sends).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('fails every caller of a failed send and goes on with the next', async () => {
    let calls = 0;
    const coalescer = new SendCoalescer(async () => {
      calls++;
      if (calls === 1) throw new Error('broker gone');
    });

    const failed = coalescer.publish([message('a')]);
    await expect(failed).rejects.toThrow('broker gone');
    await expect(coalescer.publish([message('b')])).resolves.toBeUndefined();
  });
});
