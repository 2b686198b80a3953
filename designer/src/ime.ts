import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/**
 * True while an input method (pinyin, …) is composing: the Enter that picks a candidate must never submit, save or
 * commit. Browsers report it as isComposing, and some (Safari, older Chrome) only as keyCode 229.
 */
export function isComposing(e: ReactKeyboardEvent | KeyboardEvent): boolean {
  const native = 'nativeEvent' in e ? e.nativeEvent : e;
  return native.isComposing || native.keyCode === 229 || (e as KeyboardEvent).keyCode === 229;
}

/** An onKeyDown for inputs inside a form: stops Enter from submitting while composing. */
export function guardComposingEnter(e: ReactKeyboardEvent) {
  if (e.key === 'Enter' && isComposing(e)) { e.preventDefault(); e.stopPropagation(); }
}
