import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Gives timers, signal handlers and a preview's HTTP requests their turn between two slices of
 * long synchronous work (lint rules over a big book), then stops the work if it was cancelled:
 * without it SIGINT, SIGTERM and the stage timeout wait until the whole step is done.
 */
export async function yieldTurn(signal?: AbortSignal): Promise<void> {
  await nextTurn();
  signal?.throwIfAborted();
}
