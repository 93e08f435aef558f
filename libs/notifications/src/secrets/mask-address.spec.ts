import { maskAddress } from './mask-address';

describe('maskAddress', () => {
  it.each([
    ['jane.doe@example.com', 'j***@example.com'],
    ['+1-555-555-0123', '+1-***-0123'],
    ['+44 20 7946 0958', '+44-***-0958'],
    ['5555550123', '***-0123'],
    [
      'https://hooks.example.com/services/T0K3N?x=1',
      'https://hooks.example.com/***',
    ],
    [
      'https://user:pw@hooks.example.com:8443/a',
      'https://hooks.example.com:8443/***',
    ],
    ['not an address', '***'],
  ])('shows %s as %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
