export * from './intake-context';
export * from './intake.errors';
export * from './native/native-fingerprint';
export * from './native/normalize-native-event';
export * from './alertmanager/alertmanager-fingerprint';
export * from './alertmanager/normalize-alertmanager-webhook';
export * from './pagerduty/normalize-pagerduty-event';
