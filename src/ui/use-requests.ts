import { useEffect, useRef } from 'react';
import type { Services } from '../core/ports.js';
import type { Action, Request } from '../state/app-state.js';
import { createRequestRunner } from '../state/effects.js';

/** Starts each queued request once; its completion comes back as an action. */
export function useRequests(requests: readonly Request[], services: Services, dispatch: (action: Action) => void) {
  const started = useRef(new Set<number>());
  const run = useRef<ReturnType<typeof createRequestRunner>>(undefined);
  run.current ??= createRequestRunner(services);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  useEffect(() => {
    for (const request of requests) {
      if (started.current.has(request.id)) continue;
      started.current.add(request.id);
      const report = (action: Action) => {
        if (mounted.current) dispatch(action);
      };
      void run.current?.(request, report).then(report);
    }
  }, [requests, dispatch]);
}
