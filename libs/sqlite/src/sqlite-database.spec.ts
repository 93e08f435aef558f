import { tempDir, type TempDir } from '@qms/testing';
import Database from 'better-sqlite3';
import { SqliteDatabase } from './sqlite-database';

describe('SqliteDatabase group commit', () => {
  let dir: TempDir;
  let sqlite: SqliteDatabase;
  let observer: Database.Database;

  beforeEach(() => {
    dir = tempDir('qms-group-commit-');
    sqlite = new SqliteDatabase(dir.file('qms.db'));
    sqlite.db.exec('CREATE TABLE levels (n INTEGER NOT NULL)');
    // A second connection sees only what has been committed.
    observer = new Database(dir.file('qms.db'), { readonly: true });
  });

  afterEach(async () => {
    observer.close();
    await sqlite.close();
    dir.remove();
  });

  const committed = () =>
    (
      observer.prepare('SELECT COUNT(*) AS n FROM levels').get() as {
        n: number;
      }
    ).n;
  const insert = (n: number) => () => {
    sqlite.db.prepare('INSERT INTO levels (n) VALUES (?)').run(n);
    return { n, committedMeanwhile: committed() };
  };

  it('commits every write asked for in one tick in one transaction', async () => {
    const writes = Array.from({ length: 20 }, (_, n) =>
      sqlite.write(insert(n)),
    );
    const committedWhenFirstSettled = writes[0].then(committed);

    const results = await Promise.all(writes);

    expect(results.map((r) => r.n)).toEqual([...Array(20).keys()]);
    expect(results.every((r) => r.committedMeanwhile === 0)).toBe(true);
    expect(await committedWhenFirstSettled).toBe(20);
  });

  it('commits writes asked for in a later tick separately', async () => {
    await sqlite.write(insert(0));

    const later = await sqlite.write(insert(1));

    expect(later.committedMeanwhile).toBe(1);
  });

  it('fails only the promise of a write that throws, undoing its changes', async () => {
    const refused = new Error('level refused');
    const writes = [0, 1, 2, 3].map((n) =>
      sqlite.write(() => {
        const result = insert(n)();
        if (n === 2) throw refused;
        return result;
      }),
    );

    const outcomes = await Promise.allSettled(writes);

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(outcomes[2]).toMatchObject({ reason: refused });
    const rows = sqlite.db.prepare('SELECT n FROM levels ORDER BY n').all();
    expect(rows).toEqual([{ n: 0 }, { n: 1 }, { n: 3 }]);
  });
});
