import {
  TRACKING_ATTACK_THRESHOLD,
  TRACKING_CLIENT_ALLOWANCE,
  TRACKING_CLIENT_ALLOWANCE_UNDER_ATTACK,
  trackingAllowance,
} from 'src/modules/requests/tracking/tracking.service';

describe('trackingAllowance', () => {
  it.each([
    [0, TRACKING_CLIENT_ALLOWANCE],
    [TRACKING_ATTACK_THRESHOLD - 1, TRACKING_CLIENT_ALLOWANCE],
    [TRACKING_ATTACK_THRESHOLD, TRACKING_CLIENT_ALLOWANCE_UNDER_ATTACK],
    [10_000, TRACKING_CLIENT_ALLOWANCE_UNDER_ATTACK],
  ])('should allow each client %#: %i wrong codes for the number in total → %i of its own', (wrongForNumber, allowance) => {
    expect(trackingAllowance(wrongForNumber)).toBe(allowance);
  });

  it('should always leave a client with no wrong code of its own at least one attempt', () => {
    for (const wrong of [0, 1, TRACKING_ATTACK_THRESHOLD, 1e9]) expect(trackingAllowance(wrong)).toBeGreaterThanOrEqual(1);
  });
});
