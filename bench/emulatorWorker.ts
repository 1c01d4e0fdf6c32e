/**
 * The bench's emulator, on a thread of its own: like AWS, its work does not share the measured
 * gateway's event loop (the gateway and the SDK baselines are what the figures are about). Started
 * by `setup.ts` with the fixture as `workerData`; posts its URL, collects its garbage on a `gc`
 * message (answering with its heap's size), and closes on a `close` message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../src/emulator';

void startEmulator({ port: 0, fixture: workerData.fixture }).then((emulator) => {
  parentPort!.postMessage({ url: emulator.url });
  parentPort!.on('message', (message) => {
    if (message === 'close') void emulator.close().then(() => parentPort!.close());
    if (message === 'gc') {
      // The thread's own heap: the main thread's `gc()` does not reach it (RSS holds both).
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, heapTotal } = process.memoryUsage();
      parentPort!.postMessage({ heapUsed, heapTotal });
    }
  });
});
