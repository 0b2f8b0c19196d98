// Starts the /review page's web worker: the standalone bundle (postexport)
// names its worker file on the page's root element; under Next the bundler
// resolves the worker module from the URL below.

export function spawnReviewWorker(): Worker {
  const bundled = document.getElementById('review-root')?.dataset.workerUrl;
  return bundled ? new Worker(bundled) : new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' });
}
