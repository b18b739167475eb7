import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../../index';

/** Runs app functions through zapier-platform-core, with its middleware, as Zapier would. */
export const appTester = createAppTester(App);

/** A recognisable fake key: tests assert it never shows up in messages or output. */
export const TEST_API_KEY = 'rv_test_9f8e7d6c5b4a3210_not_a_real_key';

export const TEST_BASE_URL = 'https://api.reevo.test';

/** A bundle as Zapier builds it for a run with this input. */
export function bundleWith(inputData: Record<string, unknown> = {}, extra: Partial<Bundle> = {}): Partial<Bundle> {
  return { authData: { api_key: TEST_API_KEY }, inputData, ...extra };
}

/** The parts of a `z.errors.Error`, whose message core serialises as JSON. */
export interface AppErrorParts {
  name: string;
  message: string;
  code?: string;
  status?: number;
}

export async function caught(promise: Promise<unknown>): Promise<AppErrorParts & { delay?: number }> {
  try {
    await promise;
  } catch (error) {
    const err = error as Error;
    if (err.name === 'AppError' || err.name === 'ThrottledError') {
      const parsed = JSON.parse(err.message) as { message: string; code?: string; status?: number; delay?: number };
      return { name: err.name, ...parsed };
    }
    return { name: err.name, message: err.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
