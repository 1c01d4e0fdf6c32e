/**
 * What every service handler is given: the store and the page-token context.
 *
 * Danger: handlers get the store itself, not a copy; they read and render, and only Start/Stop
 * (through the store's own methods) may change it.
 */
import type { PageContext } from '../tokens/page';
import type { EmulatorStore } from './emulatorStore';

/** The store and the page-token context, given to every operation. */
export interface HandlerDeps {
  store: EmulatorStore;
  page: PageContext;
}
