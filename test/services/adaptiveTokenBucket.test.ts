/** The adaptive token bucket: a burst, then waits at the rate; throttling halves it; it recovers. */
import { AdaptiveTokenBucket } from '../../src/services/adaptiveTokenBucket';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

it('lets a burst through at once, then spaces calls at the rate', () => {
  const time = clock();
  const bucket = new AdaptiveTokenBucket(10, 3, time.now);
  expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0]);
  expect(bucket.reserve()).toBe(100);
  expect(bucket.reserve()).toBe(200);
  time.advance(1000);
  // One second refills ten tokens (two were owed), capped at the burst of three.
  expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([
    0, 0, 0, 100,
  ]);
});

it('halves the rate when throttled, never below a tenth, and recovers to the configured rate', () => {
  const time = clock();
  const bucket = new AdaptiveTokenBucket(10, 5, time.now);
  bucket.onThrottled();
  expect(bucket.rate).toBe(5);
  bucket.onThrottled();
  bucket.onThrottled();
  bucket.onThrottled();
  expect(bucket.rate).toBe(1);
  time.advance(2000);
  expect(bucket.rate).toBeCloseTo(3, 10);
  time.advance(10_000);
  expect(bucket.rate).toBe(10);
});

it('never limits an unlimited bucket', () => {
  const bucket = new AdaptiveTokenBucket(Infinity, Infinity, Date.now);
  for (let i = 0; i < 1000; i++) expect(bucket.reserve()).toBe(0);
  bucket.onThrottled();
  expect(bucket.rate).toBe(Infinity);
});
