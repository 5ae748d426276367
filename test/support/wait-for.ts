/**
 * Polls `check` until it returns something other than false, null or undefined without throwing,
 * and resolves with that value. On timeout it rejects with the last error thrown (an expectation
 * that kept failing reads as itself) or with a timeout message.
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 100): Promise<NonNullable<Exclude<T, false>>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value as NonNullable<Exclude<T, false>>;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      if (lastError instanceof Error) throw lastError;
      throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves after `ms`; for "and nothing else happens" checks after a waitFor. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
