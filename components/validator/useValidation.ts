'use client';
// The validator page's checking, for React: one ValidatorClient per page (the
// store of checking state, the worker, and the one place its messages
// arrive), and a hook that asks it to check the current text whenever the
// text, the options, the schema or the releases change.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CheckOptions, ReleaseRef } from './protocol';
import { spawnValidatorWorker } from './spawn-worker';
import { ValidatorClient } from './validator-client';

/** The page's client, its worker stopped when the page goes. */
export function useValidatorClient(): ValidatorClient {
  const [client] = useState(() => new ValidatorClient(spawnValidatorWorker));
  useEffect(() => () => client.dispose(), [client]);
  return client;
}

export function useValidation(
  client: ValidatorClient,
  text: string,
  options: CheckOptions,
  modelUrl: string,
  releases: ReleaseRef[],
) {
  const state = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);
  const { mode, deprecated } = options;
  useEffect(
    () => client.check({ text, options: { mode, deprecated }, modelUrl, releases }),
    [client, text, mode, deprecated, modelUrl, releases],
  );
  return state;
}
