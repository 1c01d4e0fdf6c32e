/**
 * The circuit breaker on an injected clock: it opens after consecutive outages, refuses until its
 * time has passed on that clock, lets one probe through while other calls wait for its outcome,
 * and reopens when the probe fails.
 */
import { CircuitBreaker, CircuitOpenError } from '../../src/services/circuitBreaker';

const outage = () => Object.assign(new Error('down'), { outage: true });
const mistake = () => new Error('bad request');

function breaker(failures = 2) {
  let now = 1_000_000;
  const circuit = new CircuitBreaker({
    failures,
    halfOpenMs: 15_000,
    isOutage: (error) => (error as { outage?: boolean }).outage === true,
    now: () => now,
  });
  const signal = new AbortController().signal;
  return {
    circuit,
    advance: (ms: number) => void (now += ms),
    run: <T>(call: () => Promise<T>) => circuit.execute(call, signal),
  };
}

const fail = (error: Error) => async () => {
  throw error;
};

it('opens after consecutive outages only, and refuses with the seconds left on its clock', async () => {
  const { circuit, advance, run } = breaker(2);
  await expect(run(fail(outage()))).rejects.toThrow('down');
  // A caller's mistake neither counts nor resets the count; a success resets it.
  await expect(run(fail(mistake()))).rejects.toThrow('bad request');
  await expect(run(async () => 'ok')).resolves.toBe('ok');
  await expect(run(fail(outage()))).rejects.toThrow('down');
  expect(circuit.state).toBe('closed');
  await expect(run(fail(outage()))).rejects.toThrow('down');
  expect(circuit.state).toBe('open');
  let calls = 0;
  await expect(run(async () => ++calls)).rejects.toEqual(new CircuitOpenError(15));
  advance(14_001);
  await expect(run(async () => ++calls)).rejects.toEqual(new CircuitOpenError(1));
  expect(calls).toBe(0);
});

it('lets one probe through once its time has passed; calls meanwhile wait for it, then run', async () => {
  const { circuit, advance, run } = breaker(1);
  await expect(run(fail(outage()))).rejects.toThrow('down');
  advance(15_000);
  let answer: (value: string) => void = () => undefined;
  const probe = run(() => new Promise<string>((resolve) => (answer = resolve)));
  expect(circuit.state).toBe('halfOpen');
  let waited = false;
  const behind = run(async () => (waited = true));
  await Promise.resolve();
  expect(waited).toBe(false);
  answer('back');
  await expect(probe).resolves.toBe('back');
  await expect(behind).resolves.toBe(true);
  expect(circuit.state).toBe('closed');
});

it('opens again for its whole time when the probe fails, and fails the calls that waited for it', async () => {
  const { circuit, advance, run } = breaker(3);
  for (let i = 0; i < 3; i++) await expect(run(fail(outage()))).rejects.toThrow('down');
  advance(15_000);
  let refuse: (error: Error) => void = () => undefined;
  const probe = run(() => new Promise<never>((_, reject) => (refuse = reject)));
  const behind = run(async () => 'never runs');
  refuse(outage());
  await expect(probe).rejects.toThrow('down');
  await expect(behind).rejects.toEqual(new CircuitOpenError(15));
  expect(circuit.state).toBe('open');
  advance(15_000);
  await expect(run(async () => 'ok')).resolves.toBe('ok');
});

it('stays open when a call that began before it opened succeeds late', async () => {
  const { circuit, run } = breaker(1);
  let answer: (value: string) => void = () => undefined;
  const slow = run(() => new Promise<string>((resolve) => (answer = resolve)));
  await expect(run(fail(outage()))).rejects.toThrow('down');
  answer('late');
  await expect(slow).resolves.toBe('late');
  expect(circuit.state).toBe('open');
});
