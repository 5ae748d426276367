import { RateLimited } from 'src/common/errors/domain-error';
import { Counted, LimitedAction, RateLimiterService } from 'src/common/security/rate-limiter.service';
import { AuthenticationService } from './authentication.service';
import { hashPassword } from './passwords';
import { Credentials, UsersRepository } from './users.repository';

/** Records what the sign-in asks of the limiter, in order; refuses the actions listed in `refuse`. */
class FakeLimiter {
  readonly calls: string[] = [];
  readonly refuse = new Set<LimitedAction>();

  consume(action: LimitedAction): Promise<Counted> {
    this.calls.push(`consume ${action}`);
    if (this.refuse.has(action)) return Promise.reject(new RateLimited('Terlalu banyak percobaan masuk.', 60));
    return Promise.resolve({ consumed: 1, points: 5 });
  }

  refund(action: LimitedAction): Promise<void> {
    this.calls.push(`refund ${action}`);
    return Promise.resolve();
  }

  reset(action: LimitedAction): Promise<void> {
    this.calls.push(`reset ${action}`);
    return Promise.resolve();
  }
}

describe('AuthenticationService.signIn', () => {
  let credentials: Credentials;
  let limiter: FakeLimiter;
  let service: AuthenticationService;
  let verified: number;

  beforeAll(async () => {
    credentials = {
      actor: { userId: 7, name: 'Uji', email: 'uji@uji.go.id', role: 'officer', unitId: 1, bodyId: 1 },
      passwordHash: await hashPassword('kata-sandi-benar-1'),
      active: true,
      lockedUntil: null,
      passwordChangedAt: null,
    };
  });

  beforeEach(() => {
    limiter = new FakeLimiter();
    const users = {
      findCredentialsByEmail: () => Promise.resolve(credentials),
      recordFailedLogin: () => Promise.resolve(null),
      recordSuccessfulLogin: () => Promise.resolve(),
    } as unknown as UsersRepository;
    service = new AuthenticationService(users, limiter as unknown as RateLimiterService);
    verified = 0;
    const verify = service.verify.bind(service);
    jest.spyOn(service, 'verify').mockImplementation((hash, password) => {
      limiter.calls.push('verify');
      verified += 1;
      return verify(hash, password);
    });
  });

  it('should count the address and the account before the password is verified', async () => {
    await expect(service.signIn({ email: 'uji@uji.go.id', password: 'salah-sekali', clientIp: '10.0.0.1' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(limiter.calls).toEqual(['consume login_ip', 'consume login_account', 'verify']);
  });

  it('should never verify the password when the address has used its allowance', async () => {
    limiter.refuse.add('login_ip');
    await expect(service.signIn({ email: 'uji@uji.go.id', password: 'kata-sandi-benar-1', clientIp: '10.0.0.1' })).rejects.toBeInstanceOf(
      RateLimited,
    );
    expect(verified).toBe(0);
  });

  it('should never verify the password when the account has used its allowance', async () => {
    limiter.refuse.add('login_account');
    await expect(service.signIn({ email: 'uji@uji.go.id', password: 'kata-sandi-benar-1', clientIp: '10.0.0.1' })).rejects.toBeInstanceOf(
      RateLimited,
    );
    expect(verified).toBe(0);
  });

  it('should give the address its point back and clear the account count when the password is right', async () => {
    const signedIn = await service.signIn({ email: 'uji@uji.go.id', password: 'kata-sandi-benar-1', clientIp: '10.0.0.1' });
    expect(signedIn.actor.userId).toBe(7);
    expect(limiter.calls).toEqual(['consume login_ip', 'consume login_account', 'verify', 'refund login_ip', 'reset login_account']);
  });
});
