import { alertmanagerFingerprint } from './alertmanager-fingerprint';

// Expected values were computed with Go's hash/fnv (New64a) over the byte
// sequence Alertmanager hashes: sorted names, each name and value followed
// by 0xff, printed with %016x.
describe('alertmanagerFingerprint', () => {
  it('gives the FNV-1a offset basis for an empty label set', () => {
    expect(alertmanagerFingerprint({})).toBe('cbf29ce484222325');
  });

  it('hashes name, separator, value, separator', () => {
    expect(alertmanagerFingerprint({ a: 'b' })).toBe('d2b371819297f98a');
  });

  it('does not depend on the order labels arrive in', () => {
    const labels = { severity: 'critical', alertname: 'Fire' };

    expect(alertmanagerFingerprint(labels)).toBe('88cbf0084cf27726');
  });

  it('hashes values as UTF-8 bytes', () => {
    expect(alertmanagerFingerprint({ zone: 'Zürich' })).toBe(
      'af95c5731ef1b69c',
    );
  });

  it('sorts names by UTF-8 bytes, as Go does', () => {
    const labels = { '\u{1F600}': 'y', '\uFF5E': 'x' };

    expect(alertmanagerFingerprint(labels)).toBe('fb14fad351f3c60b');
  });

  it('leaves out empty values, which Alertmanager drops on receipt', () => {
    const withEmpty = { alertname: 'Fire', severity: 'critical', team: '' };

    expect(alertmanagerFingerprint(withEmpty)).toBe('88cbf0084cf27726');
  });
});
