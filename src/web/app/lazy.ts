import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

export type LazyScreen = FunctionComponent & {
  /** Starts loading the chunk; resolves once the screen can render without suspending. */
  preload(): Promise<void>;
};

/**
 * React.lazy for a named export, so every screen is its own chunk. A screen whose chunk is already loaded
 * renders straight away instead of suspending (which would show a fallback and make React hold the reveal
 * back for a moment), so preloading a route's chunks makes the route appear as soon as its data does.
 */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K): LazyScreen {
  let loaded: ComponentType | null = null;
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m[name] as ComponentType;
      },
      (err: unknown) => {
        pending = null;
        throw err;
      },
    ));
  const Lazy = lazy(async () => {
    await preload();
    return { default: loaded! };
  });
  const Screen = (props: object) => createElement(loaded ?? Lazy, props);
  return Object.assign(Screen, { preload });
}
