/**
 * The cost of one request in upstream calls: the estimate made before execution, the calls
 * actually made, and the limit both are held to. Past the limit every further call fails with
 * QUERY_TOO_COMPLEX, so the fields that still needed data get that error and the rest of the
 * response stands. Danger: one instance per request; sharing it would charge one client's calls
 * to another.
 */
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import type { CallBudget } from '../services/callBudget';

/** `extensions.cost` of a response. */
export interface CostReport {
  estimated: number;
  actual: number;
  limit: number;
}

export class RequestCost implements CallBudget {
  estimated = 0;
  actual = 0;

  constructor(readonly limit: number) {}

  spend(): void {
    if (this.actual >= this.limit) {
      throw gatewayError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `This request has made ${this.actual} upstream calls, its limit; ` +
          'ask for less (smaller pages, fewer sources or aliases).',
        { cost: this.actual, limit: this.limit },
      );
    }
    this.actual += 1;
  }

  report(): CostReport {
    return { estimated: this.estimated, actual: this.actual, limit: this.limit };
  }
}
