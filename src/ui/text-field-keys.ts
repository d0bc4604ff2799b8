import * as edit from '../core/text-field.js';
import type { TextField } from '../core/text-field.js';
import type { KeyEvent } from './key-sequences.js';

/**
 * What a key press does to a text field, with the keys readline users have in their fingers:
 * ←/→ (Ctrl-B/Ctrl-F), Home/End (Ctrl-A/Ctrl-E), Backspace, Delete (Ctrl-D), Ctrl-U, Ctrl-W and
 * Alt-Backspace; typed or pasted text is inserted. Undefined for keys that are not editing
 * (Enter, Esc, Tab, arrows up and down, other Ctrl- and Alt- keys), which the screen handles.
 */
export function editWithKey(field: TextField, { input, key }: KeyEvent, maxLength?: number): TextField | undefined {
  if (key.meta) return key.backspace ? edit.deleteWord(field) : undefined;
  if (key.ctrl) {
    switch (input) {
      case 'a':
        return edit.home(field);
      case 'e':
        return edit.end(field);
      case 'b':
        return edit.left(field);
      case 'f':
        return edit.right(field);
      case 'd':
        return edit.deleteForward(field);
      case 'u':
        return edit.clearLine(field);
      case 'w':
        return edit.deleteWord(field);
      default:
        return key.home ? edit.home(field) : key.end ? edit.end(field) : undefined;
    }
  }
  if (key.backspace) return edit.backspace(field);
  if (key.delete) return edit.deleteForward(field);
  if (key.leftArrow) return edit.left(field);
  if (key.rightArrow) return edit.right(field);
  if (key.home) return edit.home(field);
  if (key.end) return edit.end(field);
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown)
    return undefined;
  return input === '' ? undefined : edit.insert(field, input, maxLength);
}
