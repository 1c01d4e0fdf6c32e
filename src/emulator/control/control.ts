/**
 * The control API under `/_emulator/` (ours, not AWS's; never counted in stats):
 *
 * - `PUT /_emulator/state` with a fixture: `{ loaded: { counts } }`
 * - `POST /_emulator/jobs` with `{ service, ids..., jobs: [...] }`: `{ added: n }`; 404 for an
 *   unknown source
 * - `GET /_emulator/stats`: `{ calls: { "kendra.ListIndices": n } }`; `DELETE`: `{ calls: {} }`
 * - `PUT /_emulator/faults` with `{ rules: [ FaultRule... ] }`, `GET /_emulator/faults`:
 *   `{ baseLatencyMs, rules }`
 * - `GET /_emulator/health`: `{ status: "ok", ... }`
 *
 * Errors are JSON `{ message, field? }` with 400 (bad body, the message names the field), 404
 * (unknown path or source) or 405 (known path, other method).
 *
 * Danger: a refused body must change nothing; each action validates completely before it acts.
 */
import { ControlError } from '../protocols/controlError';
import type { FaultRule } from '../faults/faultRules';
import type { StatsSnapshot } from './stats';
import type { EmulatorReply, EmulatorRequest } from '../protocols/wire';

/**
 * The actions the control API exposes; `startEmulator` provides them (they throw `ControlError`).
 */
export interface ControlActions {
  loadFixture(doc: unknown): Record<string, number>;
  addJobs(body: unknown): { added: number };
  setFaults(rules: unknown): void;
  faults(): { baseLatencyMs: number; rules: FaultRule[] };
  stats(): StatsSnapshot;
  resetStats(): void;
  health(): Record<string, unknown>;
}

type Action = (body: () => unknown, actions: ControlActions) => unknown;

const ROUTES: Record<string, Record<string, Action>> = {
  state: { PUT: (body, actions) => ({ loaded: actions.loadFixture(body()) }) },
  jobs: { POST: (body, actions) => actions.addJobs(body()) },
  stats: {
    GET: (_body, actions) => actions.stats(),
    DELETE: (_body, actions) => {
      actions.resetStats();
      return actions.stats();
    },
  },
  faults: {
    GET: (_body, actions) => actions.faults(),
    PUT: (body, actions) => {
      actions.setFaults(rulesOf(body()));
      return actions.faults();
    },
  },
  health: { GET: (_body, actions) => actions.health() },
};

/** Answers one control request (its path starts with `/_emulator`). */
export function serveControl(request: EmulatorRequest, actions: ControlActions): EmulatorReply {
  const name = request.path.replace(/^\/_emulator\/?/, '').replace(/\/$/, '');
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  try {
    if (!route) {
      throw new ControlError(
        404,
        `No control endpoint ${request.path}: expected ` +
          `/_emulator/${Object.keys(ROUTES).join(', /_emulator/')}`,
      );
    }
    const action = Object.hasOwn(route, request.method) ? route[request.method] : undefined;
    if (!action)
      throw new ControlError(
        405,
        `${request.method} is not allowed on ${request.path} (allowed: ` +
          `${Object.keys(route).join(', ')})`,
      );
    return json(
      200,
      action(() => parseBody(request.body), actions),
    );
  } catch (error) {
    if (error instanceof ControlError)
      return json(error.status, { message: error.message, field: error.field });
    throw error;
  }
}

function json(status: number, body: unknown): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '')
    throw new ControlError(400, 'The request body is empty; expected a JSON document');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ControlError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `{ "rules": [...] }`: the only member `PUT /_emulator/faults` accepts. */
function rulesOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError(400, 'expected a JSON object { "rules": [ ... ] }');
  }
  const unknown = Object.keys(body).find((key) => key !== 'rules');
  if (unknown !== undefined)
    throw new ControlError(400, `${unknown}: unknown field (expected only "rules")`, unknown);
  const { rules } = body as { rules?: unknown };
  if (rules === undefined)
    throw new ControlError(
      400,
      'rules: is required (an array of fault rules; [] clears them)',
      'rules',
    );
  return rules;
}
