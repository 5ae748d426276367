import session from 'express-session';
import { SESSION_TOUCH_EVERY_MS, throttleTouch } from './sessions';

/** A store that records the touches that reach it. */
class RecordingStore extends session.MemoryStore {
  readonly touches: string[] = [];

  override touch(sid: string, _data: session.SessionData, callback?: () => void): void {
    this.touches.push(sid);
    callback?.();
  }
}

describe('throttleTouch', () => {
  const data = { cookie: { originalMaxAge: 1000 } } as session.SessionData;

  it('should write a session’s expiry at most once a minute, and each session on its own', () => {
    const store = new RecordingStore();
    let now = 1_000_000;
    throttleTouch(store, () => now);
    const done = jest.fn();
    store.touch('a', data, done);
    store.touch('a', data, done);
    store.touch('b', data, done);
    now += SESSION_TOUCH_EVERY_MS - 1;
    store.touch('a', data, done);
    expect(store.touches).toEqual(['a', 'b']);
    now += 1;
    store.touch('a', data, done);
    expect(store.touches).toEqual(['a', 'b', 'a']);
    expect(done).toHaveBeenCalledTimes(5);
  });
});
