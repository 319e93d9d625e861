import { errorResponse } from './json-responses.js';
import type { EmulatorFaults } from './types.js';

/** The answer of a `status` fault: the JSON error a real server in that state would send. */
export function faultResponse(faults: EmulatorFaults, now: number): Response | undefined {
  switch (faults.status) {
    case undefined:
      return undefined;
    case 429: {
      const retryAfter = faults.retryAfterSeconds ?? 5;
      return errorResponse(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s (emulated fault).`, {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.ceil(now / 1000) + retryAfter),
      });
    }
    case 500:
      return errorResponse(500, 'internal_error', 'The server failed (emulated fault).');
    case 503:
      return errorResponse(503, 'unavailable', 'The service is unavailable (emulated fault).', { 'Retry-After': '5' });
  }
}
