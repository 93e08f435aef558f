import { runtimeSettings, SettingsError } from './runtime-settings';

describe('runtime settings: the Kafka session timeout', () => {
  it('is left to the bus when KAFKA_SESSION_TIMEOUT_MS is unset or empty', () => {
    expect(runtimeSettings({}).kafkaSessionTimeoutMs).toBeUndefined();
    expect(
      runtimeSettings({ KAFKA_SESSION_TIMEOUT_MS: '' }).kafkaSessionTimeoutMs,
    ).toBeUndefined();
  });

  it('reads KAFKA_SESSION_TIMEOUT_MS as milliseconds', () => {
    const settings = runtimeSettings({ KAFKA_SESSION_TIMEOUT_MS: '10000' });

    expect(settings.kafkaSessionTimeoutMs).toBe(10_000);
  });

  it.each(['10s', '0', '-5', '1.5'])(
    'refuses %j, naming the variable',
    (text) => {
      const read = () => runtimeSettings({ KAFKA_SESSION_TIMEOUT_MS: text });

      expect(read).toThrow(SettingsError);
      expect(read).toThrow(/^KAFKA_SESSION_TIMEOUT_MS: /);
    },
  );
});
