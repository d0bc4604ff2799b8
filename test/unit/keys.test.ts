import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../../src/state/reducer.js';
import { BINDINGS, resolveKey, splitBurst, type KeyPress } from '../../src/ui/keys.js';

const none: KeyPress = {
  upArrow: false, downArrow: false, pageUp: false, pageDown: false, home: false, end: false,
  return: false, escape: false, ctrl: false, backspace: false, delete: false, tab: false,
};

describe('splitBurst', () => {
  it('passes single keys and plain text through', () => {
    expect(splitBurst('a', none)).toEqual([{ input: 'a', key: none }]);
    expect(splitBurst('hello', none)).toEqual([{ input: 'hello', key: none }]);
  });

  it('splits a burst into the keys pressed', () => {
    expect(splitBurst('\u007f24\r', none)).toEqual([
      { input: '', key: { ...none, backspace: true } },
      { input: '24', key: none },
      { input: '', key: { ...none, return: true } },
    ]);
  });
});

describe('resolveKey', () => {
  const state = reducer(initialState({}), {
    type: 'profiles-discovered',
    requestId: 1,
    discovery: { profiles: [{ name: 'a', kind: 'keys' }, { name: 'b', kind: 'keys' }], files: [] },
  });

  it('maps keys to actions on the current screen', () => {
    expect(resolveKey(state, '', { ...none, downArrow: true })).toEqual({ type: 'move', by: 1 });
    expect(resolveKey(state, '', { ...none, return: true })).toEqual({ type: 'select' });
    expect(resolveKey(state, 'q', none)).toEqual({ type: 'type-text', text: 'q' });
    expect(resolveKey(state, 'c', { ...none, ctrl: true })).toEqual({ type: 'interrupt' });
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
