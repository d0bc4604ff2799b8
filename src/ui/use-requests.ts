import { useEffect, useRef } from 'react';
import type { Services } from '../core/ports.js';
import type { Action, Request } from '../state/app-state.js';
import { createRequestRunner } from '../state/effects.js';

/**
 * Starts each queued request once; its reports and completion come back as actions. A request
 * dropped from the queue before it finished (its screen was left) is aborted: nothing more of it
 * is dispatched.
 */
export function useRequests(requests: readonly Request[], services: Services, dispatch: (action: Action) => void) {
  const started = useRef(new Set<number>());
  const running = useRef(new Map<number, AbortController>());
  const run = useRef<ReturnType<typeof createRequestRunner>>(undefined);
  run.current ??= createRequestRunner(services);
  useEffect(() => {
    const all = running.current;
    return () => {
      for (const controller of all.values()) controller.abort();
      all.clear();
    };
  }, []);

  useEffect(() => {
    const queued = new Set(requests.map((request) => request.id));
    for (const [id, controller] of running.current) {
      if (queued.has(id)) continue;
      controller.abort();
      running.current.delete(id);
    }
    for (const request of requests) {
      if (started.current.has(request.id)) continue;
      started.current.add(request.id);
      const controller = new AbortController();
      running.current.set(request.id, controller);
      const report = (action: Action) => {
        if (!controller.signal.aborted) dispatch(action);
      };
      void run.current?.(request, report, controller.signal).then((action) => {
        running.current.delete(request.id);
        report(action);
      });
    }
  }, [requests, dispatch]);
}
