import { answerLayout, type LayoutAnswer, type LayoutRequest } from './layoutJob.js';

/**
 * The layout worker: fcose, concentric and breadth-first run here, off the page's main thread, with
 * the same code and seed as on it (scene/layout.ts), so the positions are the same either way.
 */
// Typed by hand: the WebWorker lib would retype the page's globals for every other file.
const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(answer: LayoutAnswer): void };
scope.onmessage = (event) => {
  scope.postMessage(answerLayout(event.data));
};
