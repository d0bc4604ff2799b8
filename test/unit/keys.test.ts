import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../../src/state/reducer.js';
import { NO_KEY } from '../../src/ui/key-sequences.js';
import { BINDINGS, resolveKey, type KeyPress } from '../../src/ui/keys.js';

const none: KeyPress = NO_KEY;

describe('resolveKey', () => {
  const state = reducer(initialState({}), {
    type: 'profiles-discovered',
    requestId: 1,
    discovery: {
      profiles: [
        { name: 'a', kind: 'keys' },
        { name: 'b', kind: 'keys' },
      ],
      files: [],
    },
  });

  it('maps keys to actions on the current screen', () => {
    expect(resolveKey(state, '', { ...none, downArrow: true })).toEqual({ type: 'move', by: 1 });
    expect(resolveKey(state, '', { ...none, return: true })).toEqual({ type: 'select' });
    expect(resolveKey(state, 'q', none)).toEqual({ type: 'type-text', text: 'q' });
    expect(resolveKey(state, 'c', { ...none, ctrl: true })).toEqual({ type: 'interrupt' });
  });

  it('types only where a list (or the name prompt) shows: not under a spinner or an error', () => {
    expect(resolveKey(initialState({}), 'a', none)).toBeUndefined();
    // The objects screen of a bucket, its first page still loading.
    let objects = reducer(state, { type: 'select' });
    objects = reducer(objects, { type: 'buckets-loaded', requestId: 2, buckets: [{ name: 'b1' }] });
    objects = reducer(objects, { type: 'select' });
    const listing = objects.requests.find((r) => r.kind === 'list-page');
    expect(listing).toBeDefined();
    expect(resolveKey(objects, 'r', none)).toBeUndefined();
    const failed = reducer(objects, {
      type: 'request-failed',
      requestId: listing!.id,
      error: { kind: 'other', message: 'InternalError (HTTP 500)' },
    });
    expect(resolveKey(failed, 'r', none)).toEqual({ type: 'retry' });
    // Retrying: a second r goes nowhere, rather than into a filter hidden under the spinner.
    const retrying = reducer(failed, { type: 'retry' });
    expect(resolveKey(retrying, 'r', none)).toBeUndefined();
    const loaded = reducer(retrying, {
      type: 'page-loaded',
      requestId: retrying.requests.find((r) => r.kind === 'list-page')!.id,
      page: { folders: [], objects: [{ key: 'report.csv', size: 1 }] },
    });
    expect(resolveKey(loaded, 'r', none)).toEqual({ type: 'type-text', text: 'r' });
  });

  it('closes help with any key', () => {
    const help = reducer(state, { type: 'toggle-help' });
    expect(resolveKey(help, 'x', none)).toEqual({ type: 'toggle-help' });
  });

  it('gives every binding a label and a description', () => {
    for (const binding of BINDINGS) {
      expect(binding.label).not.toBe('');
      expect(binding.does).not.toBe('');
    }
  });
});
