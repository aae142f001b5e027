// Small hooks shared by the components: translation, the action registry, reduced motion, and
// the two ways of reading fast data (a DOM writer every frame, or a throttled re-render).
import { createContext, useContext, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineError } from '../engine';
import type { FrameBuffer } from '../app/frameBuffer';
import {
  isEnabled,
  labelKeyOf,
  labelParamsOf,
  type Action,
  type ActionContext,
} from '../app/actions';
import { useFrameBuffer, useSim } from '../app/SimulatorProvider';
import { errorText } from '../app/eventText';
import type { Translate } from '../i18n';

export function useT(): Translate {
  return useTranslation().t;
}

export const ActionContextReact = createContext<ActionContext | null>(null);

export function useActionContext(): ActionContext {
  const ctx = useContext(ActionContextReact);
  if (!ctx) throw new Error('useActionContext outside <ActionContextReact.Provider>');
  return ctx;
}

/** An action bound to its parameters: translated label, enabled flag and a perform callback. */
export interface BoundAction {
  label: string;
  enabled: boolean;
  perform: () => void;
}

export function useAction<P>(action: Action<P>, params: P): BoundAction {
  const ctx = useActionContext();
  const t = useT();
  const labelKey = useSim((s) => labelKeyOf(action, s, params));
  const enabled = useSim((s) => isEnabled(action, s, params));
  return {
    label: t(labelKey, labelParamsOf(action, params)),
    enabled,
    perform: () => {
      void action.perform(ctx, params);
    },
  };
}

/** An engine error in the current language; the engine's English words when a value is missing. */
export function engineErrorText(error: EngineError, t: Translate): string {
  return errorText(error, t);
}

export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

/** Whether a CSS media query matches, kept up to date. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(query);
    if (!media) return;
    const onChange = () => setMatches(media.matches);
    onChange();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/**
 * Write fast-moving text straight into the DOM, without a React render: `pick` chooses this
 * component's value from the frame buffer, and `write` runs whenever that value changes (the
 * buffer replaces a record's object only when its numbers moved) and after every render (a new
 * language, a new record).
 */
export function useFastWriter<T>(
  pick: (buffer: FrameBuffer) => T,
  write: (value: T) => void,
): void {
  const frameBuffer = useFrameBuffer();
  const pickRef = useRef(pick);
  const writeRef = useRef(write);
  useEffect(() => {
    pickRef.current = pick;
    writeRef.current = write;
    write(pick(frameBuffer));
  });
  useEffect(() => {
    let seenVersion = -1;
    let last: T | undefined;
    return frameBuffer.subscribe((buffer) => {
      if (buffer.fastVersion === seenVersion) return;
      seenVersion = buffer.fastVersion;
      const value = pickRef.current(buffer);
      if (value === last) return;
      last = value;
      writeRef.current(value);
    });
  }, [frameBuffer]);
}

/** Re-render at most every `ms` while the fast numbers move (the inspector's live values). */
export function useFastRefresh(ms = 250): FrameBuffer {
  const frameBuffer = useFrameBuffer();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let seen = frameBuffer.fastVersion;
    let last = 0;
    return frameBuffer.subscribe((buffer) => {
      if (buffer.fastVersion === seen) return;
      const now = performance.now();
      if (now - last < ms) return;
      last = now;
      seen = buffer.fastVersion;
      bump();
    });
  }, [frameBuffer, ms]);
  return frameBuffer;
}
